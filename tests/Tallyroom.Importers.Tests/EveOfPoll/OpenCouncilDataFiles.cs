using System.Globalization;
using System.Text;
using Tallyroom.Core.Baselines;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;
using Tallyroom.Importers.Tests.TestData;

namespace Tallyroom.Importers.Tests.EveOfPoll;

/// <summary>
/// Small Open Council Data files and elections for the rule tests: a roster and a history written side by side in a
/// scratch folder, and an election of one-seat ballots with the defended seats a test gives.
/// </summary>
internal sealed class OpenCouncilDataFiles : IDisposable
{
    public const string RosterHeader = "Council,\"Ward Name\",\"Councillor Name\",\"Next Election\",\"Party Name\",\"Electoral Commission Party Code\"\n";
    public const string HistoryHeader = "id,council id,authority,year,total,con,lab,ld,green,ukip,ref,pc,snp,other,majority\n";
    public const string HistoryName = "history2016-2025.csv";

    private readonly ScratchFolder folder = new();

    public string Folder => folder.Root;

    public string HistoryPath => Path.Combine(folder.Root, HistoryName);

    /// <summary>Councillors of one council: (register id, party name, how many).</summary>
    public static string Councillors(string council, params (string Code, string Party, int Count)[] parties)
    {
        var text = new StringBuilder();
        var n = 0;
        foreach (var (code, party, count) in parties)
        {
            for (var i = 0; i < count; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{council},\"Ward {n % 3}\",\"Councillor {++n}\",2019-05-02,\"{party}\",{code}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>A history row: total, con, lab, ld, green, ukip, other and the majority label (ref, pc and snp are 0).</summary>
    public static string Snapshot(string authority, int year, int total, int con, int lab, int ld, int green, int ukip, int other, string majority) =>
        string.Create(CultureInfo.InvariantCulture, $"1,1,{authority},{year},{total},{con},{lab},{ld},{green},{ukip},0,0,0,{other},{majority}\n");

    /// <summary>Writes the roster (as roster.csv) and the history beside it; returns the roster's path.</summary>
    public string Write(string roster, string history)
    {
        folder.Write(HistoryName, HistoryHeader + history);
        return folder.Write("roster.csv", RosterHeader + roster);
    }

    public string WriteFile(string name, string contents) => folder.Write(name, contents);

    /// <summary>
    /// The 3 May 2018 election with, for each council, one-seat ballots <c>local.&lt;slug&gt;.ward-&lt;i&gt;.2018-05-03</c>, one per
    /// entry of its ballots list; an entry with defended parties gets a baseline defending them, a null entry none.
    /// </summary>
    public static ElectionState Election(params (string Slug, Party[]?[] Ballots)[] councils)
    {
        var events = new List<ElectionEvent>
        {
            new ElectionDefined(new ElectionInfo { Id = "local.2018-05-03", Name = "Local elections", PollingDay = new DateOnly(2018, 5, 3) }),
        };
        var baselines = new List<ElectionEvent>();
        foreach (var (slug, ballots) in councils)
        {
            events.Add(new CouncilDefined(new CouncilDefinition { Slug = slug, Name = slug }));
            for (var i = 0; i < ballots.Length; i++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"local.{slug}.ward-{i}.2018-05-03");
                var defended = ballots[i];
                events.Add(new BallotDefined(new BallotDefinition
                {
                    Id = id,
                    CouncilSlug = slug,
                    WardName = "Ward",
                    SeatsUp = defended is { Length: > 0 } ? defended.Length : 1,
                    Candidates = [new("a", "A", PartyCatalog.Conservative), new("b", "B", PartyCatalog.Labour)],
                }));
                if (defended is { Length: > 0 })
                {
                    baselines.Add(new BallotBaselineRecorded(new BallotBaseline
                    {
                        BallotId = id,
                        Kind = BaselineKind.Actual,
                        LastFought = new DateOnly(2014, 5, 22),
                        Defended = PartySeats.Count(defended).Entries,
                        Source = "test",
                    }));
                }
            }
        }

        return ResultsEngine.Fold(ElectionState.Empty, [.. events, .. baselines]);
    }

    public void Dispose() => folder.Dispose();
}
