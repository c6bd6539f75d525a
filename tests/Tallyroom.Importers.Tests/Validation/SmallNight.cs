using System.Globalization;
using Tallyroom.Core;
using Tallyroom.Core.Baselines;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;
using Tallyroom.Importers.Tests.TestData;

namespace Tallyroom.Importers.Tests.Validation;

/// <summary>A candidate of a small night's ballot: name, party, votes, elected.</summary>
internal sealed record Standing(string Name, Party Party, int Votes, bool Elected);

/// <summary>A councillor line of a small roster: ward, name, party name, register id (blank for "Independent / Other").</summary>
internal sealed record Listed(string Ward, string Name, string PartyName, string Code, string NextElection = "2022-05-05");

/// <summary>
/// One council of 3 May 2018 written out in full for a test: the log's state (ballots, declarations, baselines) and
/// the raw data folder the comparison reads (both Open Council Data rosters, the history, the LEAP file), in a
/// scratch folder laid out as SOURCES.md has it.
/// </summary>
internal sealed class SmallNight : IDisposable
{
    public const string Council = "Trafford";
    public const string Slug = "trafford";
    public static readonly Party Con = PartyCatalog.Conservative;
    public static readonly Party Lab = PartyCatalog.Labour;
    public static readonly Party Ind = PartyCatalog.Independent;

    private readonly ScratchFolder scratch = new();
    private readonly List<(string Ward, int Seats, Standing[] Candidates, bool Postponed)> ballots = [];
    private readonly List<Listed> before = [];
    private readonly List<Listed> after = [];
    private readonly List<string> leap = [];
    private readonly Dictionary<string, string> wardCodes = new(StringComparer.Ordinal);
    private readonly List<(string Ward, Party Party, string Previous)> defended = [];
    private PartySeats continuing = PartySeats.Empty;
    private string continuingSource = "continuing = eve of poll − defended";

    /// <summary>The council's size (history total).</summary>
    public int Size { get; set; } = 4;

    /// <summary>The raw data folder.</summary>
    public string Root => scratch.Root;

    public static string Id(string ward) => $"local.{Slug}.{Tallyroom.Core.Slug.Make(ward)}.2018-05-03";

    /// <summary>A ballot as Democracy Club declares it; LEAP agrees unless <see cref="Leap"/> says otherwise.</summary>
    public SmallNight Ballot(string ward, params Standing[] candidates)
    {
        ballots.Add((ward, candidates.Count(c => c.Elected), candidates, false));
        return Leap(ward, candidates);
    }

    /// <summary>A countermanded poll: postponed in the log; LEAP lists the later poll's result.</summary>
    public SmallNight Postponed(string ward, params Standing[] laterPoll)
    {
        ballots.Add((ward, laterPoll.Count(c => c.Elected), laterPoll, true));
        return Leap(ward, laterPoll);
    }

    /// <summary>LEAP's rows for a ward (replacing any written before for it).</summary>
    public SmallNight Leap(string ward, params Standing[] candidates)
    {
        if (!wardCodes.ContainsKey(ward))
        {
            wardCodes[ward] = string.Create(CultureInfo.InvariantCulture, $"E05000{wardCodes.Count + 101}");
        }

        leap.RemoveAll(l => l.Contains($"\"{ward}\"", StringComparison.Ordinal));
        leap.AddRange(candidates.Select(c => LeapRow(ward, c)));
        return this;
    }

    /// <summary>The seat a ward's ballot defends, and who won it when last fought.</summary>
    public SmallNight Defended(string ward, Party party, string previousWinner)
    {
        defended.Add((ward, party, previousWinner));
        return this;
    }

    /// <summary>Our continuing seats (the council baseline's) and the Source sentence it carries.</summary>
    public SmallNight Continuing(PartySeats seats, string source = "continuing = eve of poll − defended")
    {
        (continuing, continuingSource) = (seats, source);
        return this;
    }

    public SmallNight Before(params Listed[] councillors)
    {
        before.AddRange(councillors);
        return this;
    }

    public SmallNight After(params Listed[] councillors)
    {
        after.AddRange(councillors);
        return this;
    }

    /// <summary>Writes the files and folds the state.</summary>
    public ElectionState Build()
    {
        Directory.CreateDirectory(Path.Combine(Root, "opencouncildata"));
        Directory.CreateDirectory(Path.Combine(Root, "leap_teale"));
        File.WriteAllText(Path.Combine(Root, "opencouncildata", "opencouncildata_councillors_2017.csv"), Roster(before));
        File.WriteAllText(Path.Combine(Root, "opencouncildata", "opencouncildata_councillors_2018.csv"), Roster(after));
        File.WriteAllText(Path.Combine(Root, "opencouncildata", "history2016-2025.csv"), History());
        // LEAP's reader takes a council of two contests or fewer for same-day by-elections, so two more wards keep it in.
        Leap("Filler One", new Standing("Ola One", Con, 300, true), new Standing("Oli One", Lab, 200, false))
            .Leap("Filler Two", new Standing("Tam Two", Lab, 300, true), new Standing("Tim Two", Con, 200, false));
        File.WriteAllText(Path.Combine(Root, "leap_teale", "leap-2018-05-03.csv"), string.Concat(leap.Select(l => l + "\n")));

        var events = new List<ElectionEvent>
        {
            new ElectionDefined(new ElectionInfo { Id = "local.2018-05-03", Name = "Local elections, 3 May 2018", PollingDay = new DateOnly(2018, 5, 3) }),
            new CouncilDefined(new CouncilDefinition { Slug = Slug, Name = Council }),
        };
        foreach (var (ward, seats, candidates, postponed) in ballots)
        {
            var definition = new BallotDefinition
            {
                Id = Id(ward),
                CouncilSlug = Slug,
                WardName = ward,
                SeatsUp = seats,
                Candidates = [.. candidates.Select((c, i) => new Candidate($"{Tallyroom.Core.Slug.Make(ward)}-{i}", c.Name, c.Party))],
            };
            events.Add(new BallotDefined(definition));
            events.Add(postponed
                ? new BallotPostponed(definition.Id, "Poll countermanded.")
                : new DeclarationRecorded(new Declaration { BallotId = definition.Id, Results = [.. candidates.Select((c, i) => new CandidateResult { CandidateId = definition.Candidates[i].Id, Votes = c.Votes, Elected = c.Elected })] }));
        }

        events.AddRange(defended.Select(d => new BallotBaselineRecorded(new BallotBaseline
        {
            BallotId = Id(d.Ward),
            Kind = BaselineKind.Actual,
            LastFought = new DateOnly(2014, 5, 22),
            Defended = [new PartyCount(d.Party, 1)],
            Previous = [new PreviousCandidate(d.Previous, d.Party, 1000, true)],
            Source = "a test's 2014 result",
        })));
        var eve = PartySeats.Count(before.Select(b => Resolve(b)));
        events.Add(new CouncilBaselineRecorded(new CouncilBaseline
        {
            CouncilSlug = Slug,
            StatutorySize = Size,
            EveOfPoll = [.. eve.Entries],
            Continuing = [.. continuing.Entries],
            Source = $"Open Council Data 2017: a test. {Number(ballots.Sum(b => b.Seats))} seats up; {continuingSource}: {string.Join(", ", continuing.Entries.Select(e => e.Party.Name + " " + Number(e.Seats)))}.",
        }));
        return ResultsEngine.Fold(ElectionState.Empty, events);
    }

    public void Dispose() => scratch.Dispose();

    private static Party Resolve(Listed listed) =>
        listed.Code.Length == 0 ? Ind : PartyCatalog.Resolve(listed.Code, listed.PartyName);

    private static string Roster(IEnumerable<Listed> councillors) =>
        "Council,\"Ward Name\",\"Councillor Name\",\"Next Election\",\"Party Name\",\"Electoral Commission Party Code\"\n"
        + string.Concat(councillors.Select(c => $"{Council},\"{c.Ward}\",\"{c.Name}\",{c.NextElection},\"{c.PartyName}\",{c.Code}\n"));

    private string History()
    {
        var seats = PartySeats.Count(after.Select(Resolve));
        string Row(int id, int year) => string.Create(CultureInfo.InvariantCulture,
            $"{id},1,{Council},{year},{Size},{seats.Get(Con.Id)},{seats.Get(Lab.Id)},{seats.Get(PartyCatalog.LiberalDemocrats.Id)},0,0,0,0,0,{seats.Total - seats.Get(Con.Id) - seats.Get(Lab.Id) - seats.Get(PartyCatalog.LiberalDemocrats.Id)},Con\n");
        return "id,council id,authority,year,total,con,lab,ld,green,ukip,ref,pc,snp,other,majority\n" + Row(1, 2017) + Row(2, 2018);
    }

    private string LeapRow(string ward, Standing c) => string.Create(CultureInfo.InvariantCulture,
        $"\"{Council}\",\"E08000009\",\"{ward}\",\"{wardCodes[ward]}\",\"{c.Name}\",\"{Teale(c.Party)}\",\"{c.Votes}\",\"{(c.Elected ? 1 : 0)}\"");

    private static string Teale(Party party) => party.Id switch
    {
        "PP52" => "C",
        "PP53" => "Lab",
        "PP90" => "LD",
        "IND" => "Ind",
        _ => party.Name,
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The continuing seats as a tally, for <see cref="Continuing"/>.</summary>
    public static PartySeats Seats(params (Party Party, int Seats)[] counts) => PartySeats.Of(counts.Select(c => new PartyCount(c.Party, c.Seats)));
}
