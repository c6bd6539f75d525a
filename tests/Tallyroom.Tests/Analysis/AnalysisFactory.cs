using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Tallyroom.Tests.Analysis;

/// <summary>The real web host (as <see cref="Web.TallyroomFactory"/> sets it up) over <see cref="AnalysisElection"/>.</summary>
internal sealed class AnalysisFactory : WebApplicationFactory<Program>
{
    private readonly TempDatabase database = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2018, 5, 3, 21, 0, 0, TimeSpan.Zero));

    /// <summary>The revision once baselines are in, before any declaration.</summary>
    public long BeforeDeclarations { get; private set; }

    /// <summary>The revision once Bayswater and Churchill are declared.</summary>
    public long Head { get; private set; }

    public static AnalysisFactory Create()
    {
        var factory = new AnalysisFactory();
        (factory.BeforeDeclarations, factory.Head) = AnalysisElection.WriteAsync(factory.database.Path, factory.Clock).GetAwaiter().GetResult();
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Tallyroom:Database", database.Path);
        builder.UseSetting("Tallyroom:CatchUpInterval", "00:00:00.100");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            database.Dispose();
        }
    }
}
