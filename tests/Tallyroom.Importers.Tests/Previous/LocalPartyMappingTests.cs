using Tallyroom.Core;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;
using Tallyroom.Importers.Previous;
using Tallyroom.Importers.Tests.TestData;

namespace Tallyroom.Importers.Tests.Previous;

/// <summary>
/// A local party keyed by a LEAP label last time and by a register id now is counted as one party when the
/// evidence singles it out, and left alone, with a note, when it does not.
/// </summary>
public sealed class LocalPartyMappingTests : IDisposable
{
    private const string Header2014 = "\"Ward\",\"Council\",\"Candidate\",\"Party\",\"Votes\",\"Elected\"";
    private static readonly ImportOptions Options2014 = new() { PollingDay = new DateOnly(2014, 5, 22) };
    private static readonly Party Canvey = new("PP381", "Canvey Island Independent Party");
    private static readonly Party RochfordResidents = new("PP341", "Rochford District Residents");
    private static readonly Party RochfordTogether = new("PP9001", "Rochford Residents Together");
    private readonly ScratchFolder scratch = new();

    [Theory]
    [InlineData("CIIP", "Canvey Island Independent Party")]
    [InlineData("NorkRA", "Nork Residents' Association")]
    [InlineData("TattsRA", "Tattenhams Residents' Association")]
    [InlineData("TDWGRA", "Thames Ditton / Weston Green Residents' Association")]
    [InlineData("Werr'ton", "Werrington First")]
    [InlineData("CC(Hart)", "Community Campaign (Hart)")]
    [InlineData("OSAC", "Old Swan Against the Cuts")]
    [InlineData("PHF", "Hartlepool Independents - Putting Hartlepool First")]
    [InlineData("Hersham", "Hersham Village Society")]
    [InlineData("Lib", "The Liberal Party")]
    public void ALabelAbbreviatesTheNameItStandsFor(string label, string name) => Assert.True(LocalPartyMatching.Abbreviates(label, name));

    [Theory]
    [InlineData("BNP", "Burnley and Padiham independent Party")] // B, N, P: no word of the name starts with N
    [InlineData("HWWGRA", "Hinchley Wood Residents Association")] // the name lacks Weston Green
    [InlineData("Loughton", "Independent Loughton Residents Association")] // a label starts at the name's first word
    [InlineData("Comm", "Communist League Election Campaign")] // League, Election and Campaign are not generic words
    [InlineData("Soc", "The Socialist Party of Great Britain")]
    public void ALabelDoesNotAbbreviateANameItMightNotStandFor(string label, string name) => Assert.False(LocalPartyMatching.Abbreviates(label, name));

    [Fact]
    public void TheSixPartiesEveryTableNamesAreNeverPaired()
    {
        var match = LocalPartyMatching.Pair(
            [new Party("label:wnchrind", "WnchrInd")],
            [PartyCatalog.Independent, PartyCatalog.Conservative],
            _ => true,
            [LocalPartyRule.SameName, LocalPartyRule.Abbreviation, LocalPartyRule.OnlyOneOnEachSide]);

        Assert.Empty(match.Pairings);
        Assert.Equal([new Party("label:wnchrind", "WnchrInd")], match.UnpairedHoldingSeats.AsEnumerable());
        Assert.Empty(match.UnpairedTo);
    }

    [Fact]
    public void ALabelThatAbbreviatesTwoPartiesIsLeftAlone()
    {
        var rochford = new Party("label:rochford", "Rochford");

        var match = LocalPartyMatching.Pair([rochford], [RochfordResidents, RochfordTogether], _ => true, [LocalPartyRule.SameName, LocalPartyRule.Abbreviation, LocalPartyRule.OnlyOneOnEachSide]);

        Assert.Empty(match.Pairings);
        Assert.Equal([rochford], match.UnpairedHoldingSeats.AsEnumerable());
        Assert.Equal([RochfordResidents, RochfordTogether], match.UnpairedTo.AsEnumerable());
    }

    [Fact]
    public void ThePartyOfTheLabelsWinnerDefendsItsSeatAndThePairingIsNoted()
    {
        var path = Leap2014(
            Row2014("Canvey Island East", "Castle Point", "Alan Acott", "CIIP", "1006", true),
            Row2014("Canvey Island East", "Castle Point", "Ray Howard", "C", "800", false),
            Row2014("Appleton", "Castle Point", "Wayne Johnson", "C", "900", true),
            Row2014("Appleton", "Castle Point", "Peter Sharp", "CIIP", "300", false));
        var election = Election(
            ("Castle Point", "Canvey Island East", [("Alan Acott", Canvey), ("Beth Bell", PartyCatalog.Conservative)]),
            ("Castle Point", "Appleton", [("Wayne Johnson", PartyCatalog.Conservative), ("Cy Cole", Canvey)]));

        var batch = PreviousLeap.Read(path, election, Options2014);
        var state = ResultsEngine.Fold(election, batch.Events);

        var east = state.Ballots["local.castle-point.canvey-island-east.2018-05-03"].Baseline!;
        Assert.Equal<PartyCount>([new PartyCount(Canvey, 1)], east.Defended);
        Assert.Equal(Canvey, east.Previous.Single(c => c.Name == "Alan Acott").Party);
        Assert.EndsWith("; local parties counted as this election keys them: CIIP as Canvey Island Independent Party (PP381).", east.Source, StringComparison.Ordinal);
        Assert.Equal(Canvey, state.Ballots["local.castle-point.appleton.2018-05-03"].Baseline!.Previous.Single(c => c.Name == "Peter Sharp").Party);
        Assert.Contains("castle-point: LEAP 2014_results.csv's local parties counted as this election keys them: CIIP (label:ciip) as Canvey Island Independent Party (PP381): the LEAP label CIIP abbreviates its name.", batch.Notes);
        Assert.Contains("Local parties: 1 pairing of LEAP 2014_results.csv's keys with this election's, in 1 council (by a LEAP label abbreviating the name 1); 0 local parties that won seats then left under the file's keys. Only parties outside the six every table names are paired, within one council, and only when the evidence singles out one party on each side.", batch.Notes);
    }

    [Fact]
    public void ALabelThatCouldBeEitherOfTwoPartiesKeepsItsKeyAndIsNoted()
    {
        var path = Leap2014(
            Row2014("Hockley", "Rochford", "Ann Able", "Rochford", "900", true),
            Row2014("Hockley", "Rochford", "Bob Baker", "C", "800", false));
        var election = Election(("Rochford", "Hockley", [("Ann Able", RochfordResidents), ("Cat Cole", RochfordTogether), ("Dan Dale", PartyCatalog.Conservative)]));

        var batch = PreviousLeap.Read(path, election, Options2014);
        var hockley = ResultsEngine.Fold(election, batch.Events).Ballots["local.rochford.hockley.2018-05-03"].Baseline!;

        Assert.Equal<PartyCount>([new PartyCount(new Party("label:rochford", "Rochford"), 1)], hockley.Defended);
        Assert.DoesNotContain("local parties counted", hockley.Source, StringComparison.Ordinal);
        Assert.Contains("rochford: Rochford (label:rochford), which won seats in LEAP 2014_results.csv, keeps its key: no rule singles out one of this election's local parties (Rochford District Residents (PP341), Rochford Residents Together (PP9001)) for it. Its seats are defended under that key, never guessed onto another party.", batch.Notes);
    }

    [Fact]
    public void TheOneSeatHoldingPartyLeftIsPairedOnlyWithAPartyStandingWhereItWon()
    {
        var loughton = new Party("PP128", "Independent Loughton Residents Association");
        var path = Leap2014(
            Row2014("Loughton Alderton", "Epping Forest", "Ann Able", "Loughton", "900", true),
            Row2014("Loughton Alderton", "Epping Forest", "Bob Baker", "C", "800", false),
            Row2014("Chipping Ongar", "Epping Forest", "Cat Cole", "C", "900", true),
            Row2014("Chipping Ongar", "Epping Forest", "Dan Dale", "Lab", "100", false));

        // Standing where Loughton's residents won: paired. Standing only elsewhere: not.
        var together = Election(("Epping Forest", "Loughton Alderton", [("Ann Able", loughton), ("Eve Ely", PartyCatalog.Conservative)]), ("Epping Forest", "Chipping Ongar", [("Fay Fox", PartyCatalog.Conservative), ("Gus Gray", PartyCatalog.Labour)]));
        var apart = Election(("Epping Forest", "Loughton Alderton", [("Ann Able", PartyCatalog.Independent), ("Eve Ely", PartyCatalog.Conservative)]), ("Epping Forest", "Chipping Ongar", [("Fay Fox", PartyCatalog.Conservative), ("Gus Gray", loughton)]));

        var paired = ResultsEngine.Fold(together, PreviousLeap.Read(path, together, Options2014).Events).Ballots["local.epping-forest.loughton-alderton.2018-05-03"].Baseline!;
        var batch = PreviousLeap.Read(path, apart, Options2014);
        var left = ResultsEngine.Fold(apart, batch.Events).Ballots["local.epping-forest.loughton-alderton.2018-05-03"].Baseline!;

        Assert.Equal<PartyCount>([new PartyCount(loughton, 1)], paired.Defended);
        Assert.Equal<PartyCount>([new PartyCount(new Party("label:loughton", "Loughton"), 1)], left.Defended);
        Assert.Contains(batch.Notes, n => n.StartsWith("epping-forest: Loughton (label:loughton), which won seats in LEAP 2014_results.csv, keeps its key", StringComparison.Ordinal));
    }

    public void Dispose() => scratch.Dispose();

    private static string Row2014(string ward, string council, string candidate, string party, string votes, bool elected) =>
        $"\"{ward}\",\"{council}\",\"{candidate}\",\"{party}\",\"{votes}\",\"{(elected ? 1 : 0)}\"";

    // LEAP files are read as the leap format reads them: a council with at most two contests is taken as same-day
    // by-elections and left out, so two more wards keep each council in.
    private string Leap2014(params string[] rows)
    {
        var others = rows.Select(r => r.Split("\",\"")[1]).Distinct().SelectMany(c => new[]
        {
            Row2014("Other One", c, "Ola One", "C", "300", true), Row2014("Other One", c, "Oli One", "Lab", "200", false),
            Row2014("Other Two", c, "Tam Two", "Lab", "300", true), Row2014("Other Two", c, "Tim Two", "C", "200", false),
        });
        return scratch.Write("2014_results.csv", string.Concat(new[] { Header2014 }.Concat(rows).Concat(others).Select(l => l + "\n")));
    }

    private static ElectionState Election(params (string Council, string Ward, (string Name, Party Party)[] Candidates)[] ballots)
    {
        var events = new List<ElectionEvent>
        {
            new ElectionDefined(new ElectionInfo { Id = "local.2018-05-03", Name = "Local elections, 3 May 2018", PollingDay = new DateOnly(2018, 5, 3) }),
        };
        events.AddRange(ballots.Select(b => b.Council).Distinct().Select(c => new CouncilDefined(new CouncilDefinition { Slug = Slug.Make(c), Name = c })));
        events.AddRange(ballots.Select(b => new BallotDefined(new BallotDefinition
        {
            Id = $"local.{Slug.Make(b.Council)}.{Slug.Make(b.Ward)}.2018-05-03",
            CouncilSlug = Slug.Make(b.Council),
            WardName = b.Ward,
            SeatsUp = 1,
            Candidates = [.. b.Candidates.Select((c, i) => new Candidate($"{Slug.Make(b.Ward)}-{i}", c.Name, c.Party))],
        })));
        return ResultsEngine.Fold(ElectionState.Empty, events);
    }
}
