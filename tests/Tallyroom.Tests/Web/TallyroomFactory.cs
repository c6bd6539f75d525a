using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;
using Tallyroom.Storage.Sqlite;

namespace Tallyroom.Tests.Web;

/// <summary>
/// The real web host over a fresh SQLite log holding a small election: Trafford (3 single-seat wards, one
/// declared) and Westminster (one 3-seat ward, awaiting). A fake clock stands at 22:00 BST on polling day.
/// </summary>
internal sealed class TallyroomFactory : WebApplicationFactory<Program>
{
    public const string Altrincham = "local.trafford.altrincham.2018-05-03";
    public const string Bowdon = "local.trafford.bowdon.2018-05-03";
    public const string SaleMoor = "local.trafford.sale-moor.2018-05-03";
    public const string MaidaVale = "local.westminster.maida-vale.2018-05-03";

    private readonly TempDatabase database = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2018, 5, 3, 21, 0, 0, TimeSpan.Zero));

    public string DatabasePath => database.Path;

    /// <summary>Revision of the log once the small election is written (before any test's writes).</summary>
    public long SetupRevision { get; private set; }

    public static TallyroomFactory Create()
    {
        var factory = new TallyroomFactory();
        factory.SetupRevision = factory.WriteElectionAsync().GetAwaiter().GetResult();
        return factory;
    }

    public async Task<string> CreateKeyAsync(string role) => await new SqliteApiKeys(DatabasePath).CreateAsync(role, Clock.GetUtcNow());

    public async Task<long> HeadAsync()
    {
        await using var log = await SqliteEventLog.OpenAsync(DatabasePath);
        return await log.GetHeadAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Tallyroom:Database", DatabasePath);
        builder.UseSetting("Tallyroom:CatchUpInterval", "00:00:00.100");
        builder.UseSetting("Tallyroom:ChangesPageSize", "4");
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

    private async Task<long> WriteElectionAsync()
    {
        await using var log = await SqliteEventLog.OpenAsync(DatabasePath);
        using var engine = new ResultsEngine(log, Clock);
        var state = await engine.WriteAsync(
        [
            new ElectionDefined(new ElectionInfo { Id = "local.2018-05-03", Name = "Local elections, 3 May 2018", PollingDay = new DateOnly(2018, 5, 3) }),
            new CouncilDefined(new CouncilDefinition { Slug = "trafford", Name = "Trafford", GssCode = "E08000009", Type = CouncilType.MetropolitanBorough }),
            new CouncilDefined(new CouncilDefinition { Slug = "westminster", Name = "Westminster", GssCode = "E09000033", Type = CouncilType.LondonBorough }),
            new BallotDefined(OneSeat(Altrincham, "Altrincham")),
            new BallotDefined(OneSeat(Bowdon, "Bowdon")),
            new BallotDefined(OneSeat(SaleMoor, "Sale Moor")),
            new BallotDefined(new BallotDefinition
            {
                Id = MaidaVale,
                CouncilSlug = "westminster",
                WardName = "Maida Vale",
                SeatsUp = 3,
                Candidates = [new("m1", "Ann Con", PartyCatalog.Conservative), new("m2", "Bob Con", PartyCatalog.Conservative), new("m3", "Cat Con", PartyCatalog.Conservative), new("m4", "Dan Lab", PartyCatalog.Labour), new("m5", "Eve Lab", PartyCatalog.Labour), new("m6", "Fay Lab", PartyCatalog.Labour)],
            }),
            new DeclarationRecorded(new Core.Declarations.Declaration
            {
                BallotId = Altrincham,
                Results = [new() { CandidateId = "1", Votes = 1500, Elected = true }, new() { CandidateId = "2", Votes = 900 }, new() { CandidateId = "3", Votes = 300 }],
                BallotPapers = 2720,
                Rejected = 20,
                Electorate = 8000,
            }),
        ]);
        return state.Revision;
    }

    private static BallotDefinition OneSeat(string id, string ward) => new()
    {
        Id = id,
        CouncilSlug = "trafford",
        WardName = ward,
        SeatsUp = 1,
        Candidates = [new("1", "Jo Oak", PartyCatalog.Conservative), new("2", "Al Ash", PartyCatalog.Labour), new("3", "Di Elm", PartyCatalog.Green)],
    };
}
