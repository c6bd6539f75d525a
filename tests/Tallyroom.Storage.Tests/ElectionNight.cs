using System.Collections.Immutable;
using Tallyroom.Core.Blogs;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Parties;

namespace Tallyroom.Storage.Tests;

/// <summary>
/// A small but complete election night that passes every rule, with every event type and the awkward cases: a
/// council without a statutory size, a ward without a GSS code, a local party, a tie decided by lot, an uncontested
/// ballot (null votes), a postponed poll, partial statistics and a correction. Names are invented.
/// </summary>
internal static class ElectionNight
{
    public const string Abingdon = "local.kensington-and-chelsea.abingdon.2018-05-03";
    public const string Dalgarno = "local.kensington-and-chelsea.dalgarno.2018-05-03";
    public const string BramhallNorth = "local.stockport.bramhall-north.2018-05-03";
    public const string HealdGreen = "local.stockport.heald-green.2018-05-03";
    public const string CheadleAndGatley = "local.stockport.cheadle-and-gatley.2018-05-03";

    public static readonly Party HealdGreenRatepayers = PartyCatalog.Resolve(null, "Heald Green Ratepayers");

    public static ElectionDefined Election { get; } = new(new ElectionInfo
    {
        Id = "local.2018-05-03",
        Name = "Local elections, 3 May 2018",
        PollingDay = new DateOnly(2018, 5, 3),
    });

    public static CouncilDefined KensingtonAndChelsea { get; } = new(new CouncilDefinition
    {
        Slug = "kensington-and-chelsea",
        Name = "Kensington and Chelsea",
        GssCode = "E09000020",
        Type = CouncilType.LondonBorough,
    });

    public static CouncilDefined Stockport { get; } = new(new CouncilDefinition
    {
        Slug = "stockport",
        Name = "Stockport",
        GssCode = "E08000007",
        Type = CouncilType.MetropolitanBorough,
        StatutorySize = 63,
        Region = "North West",
    });

    public static BallotDefined AbingdonBallot { get; } = new(new BallotDefinition
    {
        Id = Abingdon,
        CouncilSlug = "kensington-and-chelsea",
        WardName = "Abingdon",
        WardGssCode = "E05009388",
        SeatsUp = 3,
        Candidates =
        [
            new("40101", "Anne Ashby", PartyCatalog.Conservative),
            new("40102", "Bernard Brook", PartyCatalog.Conservative),
            new("40103", "Clare Chalk", PartyCatalog.Conservative),
            new("40104", "David Dunn", PartyCatalog.Labour),
            new("40105", "Emma Ellis", PartyCatalog.LiberalDemocrats),
            new("40106", "Frank Fell", PartyCatalog.Green),
        ],
    });

    public static BallotDefined DalgarnoBallot { get; } = new(new BallotDefinition
    {
        Id = Dalgarno,
        CouncilSlug = "kensington-and-chelsea",
        WardName = "Dalgarno",
        SeatsUp = 2,
        Candidates =
        [
            new("40201", "Gina Grant", PartyCatalog.Labour),
            new("40202", "Harry Hale", PartyCatalog.Labour),
            new("40203", "Irene Innes", PartyCatalog.Conservative),
            new("40204", "Jack Judd", PartyCatalog.LiberalDemocrats),
        ],
    });

    public static BallotDefined BramhallNorthBallot { get; } = new(new BallotDefinition
    {
        Id = BramhallNorth,
        CouncilSlug = "stockport",
        WardName = "Bramhall North",
        WardGssCode = "E05000785",
        SeatsUp = 2,
        Candidates =
        [
            new("40301", "Kate Kerr", PartyCatalog.LiberalDemocrats),
            new("40302", "Liam Lord", PartyCatalog.Conservative),
        ],
    });

    public static BallotDefined HealdGreenBallot { get; } = new(new BallotDefinition
    {
        Id = HealdGreen,
        CouncilSlug = "stockport",
        WardName = "Heald Green",
        WardGssCode = "E05000791",
        SeatsUp = 1,
        Candidates =
        [
            new("40401", "Quentin Quinn", HealdGreenRatepayers),
            new("40402", "Rosa Reid", PartyCatalog.Conservative),
            new("40403", "Sam Slater", PartyCatalog.Labour),
        ],
    });

    public static BallotDefined CheadleAndGatleyBallot { get; } = new(new BallotDefinition
    {
        Id = CheadleAndGatley,
        CouncilSlug = "stockport",
        WardName = "Cheadle and Gatley",
        WardGssCode = "E05000784",
        SeatsUp = 1,
        Candidates =
        [
            new("40501", "Mark Moss", PartyCatalog.LiberalDemocrats),
            new("40502", "Nina North", PartyCatalog.Conservative),
            new("40503", "Oscar Owen", PartyCatalog.Labour),
            new("40504", "Pat Price", PartyCatalog.Independent),
        ],
    });

    public static BallotPostponed HealdGreenPostponed { get; } = new(HealdGreen, "Death of a candidate");

    public static DeclarationRecorded AbingdonDeclared { get; } = new(new Declaration
    {
        BallotId = Abingdon,
        Results =
        [
            Line("40101", 1532, elected: true),
            Line("40102", 1498, elected: true),
            Line("40103", 1467, elected: true),
            Line("40104", 512),
            Line("40105", 433),
            Line("40106", 268),
        ],
        BallotPapers = 2104,
        Rejected = 9,
        Electorate = 7012,
    });

    public static DeclarationRecorded BramhallNorthDeclaredUnopposed { get; } = new(new Declaration
    {
        BallotId = BramhallNorth,
        Results =
        [
            new CandidateResult { CandidateId = "40301", Votes = null, Elected = true },
            new CandidateResult { CandidateId = "40302", Votes = null, Elected = true },
        ],
        Electorate = 8790,
    });

    /// <summary>Harry Hale and Irene Innes tie for the second seat; the lot goes to Hale.</summary>
    public static DeclarationRecorded DalgarnoDeclaredByLot { get; } = new(new Declaration
    {
        BallotId = Dalgarno,
        Results =
        [
            Line("40201", 1243, elected: true),
            Line("40202", 987, elected: true, byLot: true),
            Line("40203", 987, byLot: true),
            Line("40204", 301),
        ],
        BallotPapers = 1876,
        Rejected = 14,
        Electorate = 6543,
    });

    public static DeclarationRecorded CheadleAndGatleyDeclared { get; } = new(new Declaration
    {
        BallotId = CheadleAndGatley,
        Results =
        [
            Line("40501", 2011, elected: true),
            Line("40502", 1456),
            Line("40503", 612),
            Line("40504", 239),
        ],
        BallotPapers = 4318,
        Rejected = 21,
        Electorate = 10234,
    });

    public static BallotStatisticsRecorded CheadleAndGatleyStatistics { get; } = new(new BallotStatistics
    {
        BallotId = CheadleAndGatley,
        PublishedSeats = 3,
        Electorate = 10234,
        ValidBallotPapers = 4318,
        RejectedBallotPapers = null,
        Source = "Electoral Commission",
    });

    public static DeclarationRecorded AbingdonCorrected { get; } = new(AbingdonDeclared.Declaration with
    {
        Results =
        [
            Line("40101", 1532, elected: true),
            Line("40102", 1498, elected: true),
            Line("40103", 1467, elected: true),
            Line("40104", 433),
            Line("40105", 512),
            Line("40106", 268),
        ],
        Reason = "The figures for Dunn and Ellis were transposed.",
    });

    /// <summary>Everything up to the postponement: revisions 1 to 9.</summary>
    public static ImmutableArray<ElectionEvent> Setup { get; } =
    [
        Election,
        KensingtonAndChelsea,
        Stockport,
        AbingdonBallot,
        DalgarnoBallot,
        BramhallNorthBallot,
        HealdGreenBallot,
        CheadleAndGatleyBallot,
        HealdGreenPostponed,
    ];

    /// <summary>
    /// The whole night, revisions 1 to 15. Kensington and Chelsea is fully declared at revision 12 (Conservative
    /// control), Stockport at 13 (no overall control), the Abingdon correction is revision 15.
    /// </summary>
    public static ImmutableArray<ElectionEvent> All { get; } =
    [
        .. Setup,
        AbingdonDeclared,
        BramhallNorthDeclaredUnopposed,
        DalgarnoDeclaredByLot,
        CheadleAndGatleyDeclared,
        CheadleAndGatleyStatistics,
        AbingdonCorrected,
    ];

    /// <summary>A quarter to four in the morning after polling day, British Summer Time.</summary>
    public static DateTimeOffset Night { get; } = new DateTimeOffset(2018, 5, 4, 3, 45, 12, 345, TimeSpan.FromHours(1)).AddTicks(6780);

    private static CandidateResult Line(string candidateId, int votes, bool elected = false, bool byLot = false) =>
        new() { CandidateId = candidateId, Votes = votes, Elected = elected, DecidedByLot = byLot };

    /// <summary>Baseline events (defended seats, eve-of-poll composition), stored like any other fact.</summary>
    public static IReadOnlyList<ElectionEvent> Baselines { get; } =
    [
        new BallotBaselineRecorded(new Core.Baselines.BallotBaseline
        {
            BallotId = "local.stockport.heald-green.2018-05-03",
            Kind = Core.Baselines.BaselineKind.Actual,
            LastFought = new DateOnly(2014, 5, 22),
            Defended = [new(ElectionNight.HealdGreenRatepayers, 1)],
            Previous = [new("Quentin Quinn", ElectionNight.HealdGreenRatepayers, 2011, true), new("Rosa Reid", Core.Parties.PartyCatalog.Conservative, null, false)],
            Source = "LEAP 2014, matched by ward code",
        }),
        new BallotBaselineRecorded(new Core.Baselines.BallotBaseline { BallotId = "local.stockport.bramhall-north.2018-05-03", Kind = Core.Baselines.BaselineKind.NotComparable, Source = "new boundaries" }),
        new CouncilBaselineRecorded(new Core.Baselines.CouncilBaseline
        {
            CouncilSlug = "stockport",
            StatutorySize = 63,
            EveOfPoll = [new(Core.Parties.PartyCatalog.LiberalDemocrats, 26), new(Core.Parties.PartyCatalog.Labour, 23)],
            ControlBefore = null,
            Continuing = [new(Core.Parties.PartyCatalog.LiberalDemocrats, 17)],
            Source = "Open Council Data 2017",
        }),
    ];

    /// <summary>A live blog through the night: every blog event, each passing the blog rules after <see cref="All"/>.</summary>
    public static IReadOnlyList<ElectionEvent> Blog { get; } =
    [
        new BlogOpened("night", "Local elections — as it happened", BlogSettings.AllOn with { StateOfPartiesEvery = 5 }, Night),
        new PostPublished("night", new PostContent { PostId = "p1", Headline = "Polls close", Markdown = "Counting *starts*.", Html = "<p>Counting <em>starts</em>.</p>", Quote = new PostQuote("A long night.", "A returning officer") }, Night),
        new PostPublished("night", new PostContent { PostId = "auto-council-stockport", Headline = "No overall control in Stockport", Markdown = "NOC.", Html = "<p>NOC.</p>", KeyEvent = true, Automatic = AutomaticKind.CouncilDeclared }, Night),
        new PostEdited("night", new PostContent { PostId = "p1", Headline = "Polls have closed", Markdown = "Counting starts.", Html = "<p>Counting starts.</p>" }, Night.AddMinutes(2)),
        new PostPinned("night", "p1"),
        new PostKeyEventSet("night", "p1", true),
        new PostUnpinned("night", "p1"),
        new PostDeleted("night", "p1", Night.AddMinutes(3)),
        new BlogSummarySet("night", "**Stockport** stays hung.", "<p><strong>Stockport</strong> stays hung.</p>"),
        new BlogSettingsChanged("night", BlogSettings.AllOn with { NotableWards = false }),
        new BlogClosed("night", Night.AddHours(9)),
    ];
}
