using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;
using Tallyroom.Storage.Sqlite;
using Tallyroom.Tests.Web.Pages;

namespace Tallyroom.Browser.Tests;

/// <summary>
/// The real web host on Kestrel at a loopback port (a browser cannot reach the in-memory test server), over a fresh
/// SQLite log holding a small election: Trafford (7 seats; Altrincham declared, Bowdon and Sale Moor awaiting) and
/// Westminster (Maida Vale awaiting, Abbey Road postponed). Writes go through the desk API, as a results desk's would.
/// </summary>
internal sealed class LiveSite : WebApplicationFactory<Program>
{
    private readonly string directory = Directory.CreateTempSubdirectory("tallyroom-browser-").FullName;

    private LiveSite()
    {
    }

    public string DatabasePath => Path.Combine(directory, "night.db");

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The head of the log once the night is written.</summary>
    public long Revision { get; private set; }

    public static async Task<LiveSite> StartAsync()
    {
        var site = new LiveSite();
        await site.WriteElectionAsync();
        site.Revision = await PagesNight.AddAsync(site.DatabasePath, TimeProvider.System);
        site.UseKestrel(0);
        site.StartServer();
        var address = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        site.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal), UriKind.Absolute);
        return site;
    }

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>Declares a Trafford ward through the desk API: candidate 1 Conservative, 2 Labour, 3 Green.</summary>
    public async Task DeclareAsync(string ballotId, int con, int lab, int grn)
    {
        using var desk = new HttpClient { BaseAddress = BaseAddress };
        desk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await new SqliteApiKeys(DatabasePath).CreateAsync("desk", DateTimeOffset.UtcNow));
        using var response = await desk.PostAsJsonAsync($"/api/ballots/{ballotId}/declaration", PagesNight.TraffordRequest(con, lab, grn));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Adds an account as <c>tallyroom users add</c> does: the password hashed by ASP.NET Core Identity's hasher.</summary>
    public async Task AddUserAsync(string name, string role, string password) =>
        Assert.True(await new SqliteUsers(DatabasePath).AddAsync(name, role, new Microsoft.AspNetCore.Identity.PasswordHasher<string>().HashPassword(name, password), DateTimeOffset.UtcNow));

    /// <summary>Declares Maida Vale: two Conservatives and a Labour candidate elected.</summary>
    public async Task DeclareMaidaValeAsync()
    {
        using var desk = new HttpClient { BaseAddress = BaseAddress };
        desk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await new SqliteApiKeys(DatabasePath).CreateAsync("desk", DateTimeOffset.UtcNow));
        using var response = await desk.PostAsJsonAsync($"/api/ballots/{PagesNight.MaidaVale}/declaration", new
        {
            results = new[]
            {
                new { candidateId = "m1", votes = 1500, elected = true },
                new { candidateId = "m2", votes = 1400, elected = true },
                new { candidateId = "m3", votes = 1000, elected = false },
                new { candidateId = "m4", votes = 1300, elected = true },
                new { candidateId = "m5", votes = 1200, elected = false },
                new { candidateId = "m6", votes = 1100, elected = false },
            },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Tallyroom:Database", DatabasePath);
        builder.UseEnvironment("Production");

        // A page left open holds an event stream; the host need not wait long for it when a test ends.
        builder.ConfigureServices(services => services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // The factory disposes twice (synchronously and asynchronously); the folder goes once.
        if (disposing && Directory.Exists(directory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task WriteElectionAsync()
    {
        await using var log = await SqliteEventLog.OpenAsync(DatabasePath);
        using var engine = new ResultsEngine(log, TimeProvider.System);
        await engine.WriteAsync(
        [
            new ElectionDefined(new ElectionInfo { Id = "local.2018-05-03", Name = "Local elections, 3 May 2018", PollingDay = new DateOnly(2018, 5, 3) }),
            new CouncilDefined(new CouncilDefinition { Slug = "trafford", Name = "Trafford", GssCode = "E08000009", Type = CouncilType.MetropolitanBorough }),
            new CouncilDefined(new CouncilDefinition { Slug = "westminster", Name = "Westminster", GssCode = "E09000033", Type = CouncilType.LondonBorough }),
            new BallotDefined(OneSeat(PagesNight.Altrincham, "Altrincham")),
            new BallotDefined(OneSeat(PagesNight.Bowdon, "Bowdon")),
            new BallotDefined(OneSeat(PagesNight.SaleMoor, "Sale Moor")),
            new BallotDefined(new BallotDefinition
            {
                Id = PagesNight.MaidaVale,
                CouncilSlug = "westminster",
                WardName = "Maida Vale",
                SeatsUp = 3,
                Candidates = [new("m1", "Ann Con", PartyCatalog.Conservative), new("m2", "Bob Con", PartyCatalog.Conservative), new("m3", "Cat Con", PartyCatalog.Conservative), new("m4", "Dan Lab", PartyCatalog.Labour), new("m5", "Eve Lab", PartyCatalog.Labour), new("m6", "Fay Lab", PartyCatalog.Labour)],
            }),
            new DeclarationRecorded(PagesNight.Trafford(PagesNight.Altrincham, 1500, 900, 300)),
        ]);
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
