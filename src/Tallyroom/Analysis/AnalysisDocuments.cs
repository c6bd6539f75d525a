using System.Globalization;
using Tallyroom.Core;
using Tallyroom.Core.Analysis;
using Tallyroom.Core.Counting;

namespace Tallyroom.Analysis;

/// <summary>
/// The published JSON shapes of the analysis, shared by <c>tallyroom targets --json</c> and the API. Shares and swings
/// are in percentage points rounded to two decimals, turnout to one; every figure carries its method. Field names are
/// a public contract: add fields, never rename or remove them.
/// </summary>
internal static class AnalysisDocuments
{
    public static TargetsDocument Targets(ElectionState state, CouncilView council, ControlTarget target, ControlDefence? defence) => new()
    {
        Revision = state.Revision,
        Council = council.Definition.Slug,
        CouncilName = council.Definition.Name,
        Party = target.Party.Name,
        PartyId = target.Party.Id,
        From = target.From?.Name,
        FromId = target.From?.Id,
        Method = target.Method,
        Basis = target.Basis,
        Summary = AnalysisText.Sentence(council.Definition.Name, target),
        TotalSeats = target.TotalSeats,
        Majority = target.Majority,
        Continuing = target.Continuing,
        SeatsUp = target.SeatsUp,
        SeatsNeeded = target.SeatsNeeded,
        SeatsHeld = target.SeatsHeld,
        GainsNeeded = target.GainsNeeded,
        SeatsContested = target.SeatsContested,
        Status = target.Path,
        SwingNeeded = Points(target.SwingNeeded),
        ControllingParty = defence?.Party.Name,
        SwingToLoseControl = Points(defence?.SwingToLose),
        DefenceStatus = defence?.Path,
        Targets = [.. target.Targets.Select(t => new TargetDocument
        {
            BallotId = t.BallotId,
            Ward = t.WardName,
            Seat = t.Seat,
            Swing = Points(t.Swing)!.Value,
            Holder = t.Holder.Name,
            HolderId = t.Holder.Id,
            Declared = t.Declared,
        })],
        NotComparable = target.BallotsNotComparable,
        SeatsNotComparable = target.SeatsNotComparable,
        SeatsWithoutVotes = target.SeatsWithoutVotes,
    };

    public static AnalysisDocument Analysis(ElectionState state, CouncilView council, CouncilAnalysis analysis) => new()
    {
        Revision = state.Revision,
        Council = council.Definition.Slug,
        CouncilName = council.Definition.Name,
        Method = analysis.Options.Method,
        Basis = analysis.Options.Basis,
        Shares = Shares(analysis.Shares),
        Swing = analysis.Swing is { } swing ? Swing(swing) : null,
        Control = new ControlDocument
        {
            TotalSeats = council.TotalSeats,
            Majority = council.Majority,
            ControlBefore = council.ControlBefore?.Label,
            ControlCannotChange = council.ControlCannotChange,
            Parties = [.. analysis.Control.Select(t => new ControlPartyDocument
            {
                Party = t.Party.Name,
                PartyId = t.Party.Id,
                Continuing = t.Continuing,
                SeatsNeeded = t.SeatsNeeded,
                SeatsHeld = t.SeatsHeld,
                GainsNeeded = t.GainsNeeded,
                Status = t.Path,
                SwingNeeded = Points(t.SwingNeeded),
                Summary = AnalysisText.Sentence(council.Definition.Name, t),
            })],
            Defence = analysis.Defence is { } defence ? new DefenceDocument
            {
                Party = defence.Party.Name,
                PartyId = defence.Party.Id,
                Status = defence.Path,
                SwingToLose = Points(defence.SwingToLose),
                SeatsHeld = defence.SeatsHeld,
                SeatsNotComparable = defence.SeatsNotComparable,
                Summary = AnalysisText.Sentence(council.Definition.Name, defence),
            }
            : null,
        },
        Targets = analysis.Targets is { } targets ? Targets(state, council, targets, analysis.Defence) : null,
        Turnout = Turnout(analysis.Turnout),
        Projection = analysis.Projection is { } projection ? Projection(projection) : null,
    };

    public static NationalAnalysisDocument National(ElectionState state, NationalAnalysis analysis) => new()
    {
        Revision = state.Revision,
        Election = analysis.Election,
        Method = analysis.Method,
        Shares = Shares(analysis.Shares),
        Swing = analysis.Swing is { } swing ? Swing(swing) : null,
        Turnout = Turnout(analysis.Turnout),
        Projection = new NationalProjectionDocument
        {
            Label = analysis.Projection.Label,
            Method = analysis.Projection.Method,
            Councils = analysis.Projection.Councils,
            CouncilsDeclared = analysis.Projection.CouncilsDeclared,
            NoOverallControl = analysis.Projection.NoOverallControl,
            NoOverallControlChange = analysis.Projection.NoOverallControlChange,
            SeatsProjected = analysis.Projection.SeatsProjected,
            Parties = [.. analysis.Projection.Parties.Select(p => new NationalProjectionPartyDocument
            {
                Party = p.Party.Name,
                PartyId = p.Party.Id,
                Councils = p.Councils,
                CouncilsChange = p.CouncilsChange,
                Seats = p.Seats,
                SeatsDeclared = p.SeatsDeclared,
            })],
        },
        ProjectedShare = analysis.ProjectedShare is { } share ? new ProjectedShareDocument
        {
            Name = ProjectedNationalShare.Name,
            Label = share.Label,
            Method = share.Method,
            KeyWards = share.KeyWards,
            BaselineWards = share.BaselineWards,
            Parties = [.. share.Parties.Select(p => new ProjectedSharePartyDocument
            {
                Party = p.Party.Name,
                PartyId = p.Party.Id,
                Baseline = Points(p.Baseline)!.Value,
                Change = Points(p.Change)!.Value,
                Share = Points(p.Share)!.Value,
            })],
            Others = Points(share.Others)!.Value,
        }
        : null,
    };

    public static ProjectionDocument Projection(CouncilProjection projection) => new()
    {
        Label = projection.Label,
        Method = projection.Method,
        Basis = projection.Basis,
        BasisName = projection.BasisName,
        MinimumWards = projection.MinimumWards,
        WardsDeclared = projection.WardsDeclared,
        Region = projection.Region,
        RegionalWards = projection.RegionalWards,
        NationalWards = projection.NationalWards,
        TotalSeats = projection.TotalSeats,
        Majority = projection.Majority,
        SeatsProjected = projection.SeatsProjected,
        SeatsWithoutComparableVotes = projection.SeatsWithoutComparableVotes,
        SeatsPostponed = projection.SeatsPostponed,
        Control = projection.Control.Label ?? CouncilControl.NoOverallControlLabel,
        ControlPartyId = projection.Control.Party?.Id,
        Certainty = projection.Certainty,
        Parties = [.. projection.Parties.Select(p => new ProjectedSeatsDocument
        {
            Party = p.Party.Name,
            PartyId = p.Party.Id,
            Settled = p.Settled,
            Low = p.Low,
            Seats = p.Seats,
            High = p.High,
        })],
        Swings = [.. projection.Swings.Select(s => new PartySwingDocument
        {
            Party = s.Party.Name,
            PartyId = s.Party.Id,
            Source = s.Source,
            SourceName = projection.SourceName(s.Source),
            Wards = s.Wards,
            Change = Points(s.Change)!.Value,
            Spread = Points(s.Spread)!.Value,
            NewShareSource = s.NewShareSource,
            NewShare = Points(s.NewShare),
            MeanError = Points(s.MeanError)!.Value,
        })],
    };

    private static TurnoutDocument Turnout(TurnoutFigure turnout) => new()
    {
        Measure = turnout.Measure,
        Label = turnout.Label,
        Turnout = turnout.Percent is { } percent ? Math.Round(percent, 1, MidpointRounding.AwayFromZero) : null,
        BallotPapers = turnout.BallotPapers,
        Electorate = turnout.Electorate,
        Wards = turnout.Wards,
    };

    private static SharesDocument Shares(AggregateShares shares) => new()
    {
        Method = shares.Method,
        Label = string.Create(CultureInfo.InvariantCulture,
            $"{Capitalised(ShareMethods.Name(shares.Method))} shares over {Plural.Count(shares.Wards, "declared ward", "declared wards")}; changes over the {shares.WardsCompared} with a comparable result last time, by the same method"),
        Wards = shares.Wards,
        WardsCompared = shares.WardsCompared,
        WardsNotComparable = shares.WardsNotComparable,
        Parties = [.. shares.Parties.Select(p => new PartyShareDocument
        {
            Party = p.Contestant.Name,
            PartyId = p.Contestant.Id,
            Votes = p.Votes is { } votes ? Math.Round(votes, 1, MidpointRounding.AwayFromZero) : null,
            Share = Points(p.Share),
            ComparedShare = Points(p.ComparedShare),
            PreviousShare = Points(p.PreviousShare),
            Change = Points(p.Change),
            Comparison = p.Comparison,
        })],
    };

    private static SwingDocument Swing(CouncilSwing swing) => new()
    {
        To = swing.To.Name,
        ToId = swing.To.Id,
        From = swing.From.Name,
        FromId = swing.From.Id,
        Method = swing.Method,
        Wards = swing.ByWard.Length,
        WardsLeftOut = swing.WardsLeftOut,
        Figures = [.. swing.Figures.Select(f => new SwingFigureDocument { Measure = f.Measure, Aggregation = f.Aggregation, Points = Points(f.Points), Label = f.Label })],
    };

    private static double? Points(double? value) => value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

internal sealed record TargetsDocument
{
    public required long Revision { get; init; }
    public required string Council { get; init; }
    public required string CouncilName { get; init; }
    public required string Party { get; init; }
    public required string PartyId { get; init; }
    public required string? From { get; init; }
    public required string? FromId { get; init; }
    public required ShareMethod Method { get; init; }
    public required TargetBasis Basis { get; init; }
    public required string Summary { get; init; }
    public required int TotalSeats { get; init; }
    public required int Majority { get; init; }
    public required int Continuing { get; init; }
    public required int SeatsUp { get; init; }
    public required int SeatsNeeded { get; init; }
    public required int SeatsHeld { get; init; }
    public required int GainsNeeded { get; init; }
    public required int SeatsContested { get; init; }
    public required ControlPath Status { get; init; }
    public required double? SwingNeeded { get; init; }
    public required string? ControllingParty { get; init; }
    public required double? SwingToLoseControl { get; init; }
    public required DefencePath? DefenceStatus { get; init; }
    public required IReadOnlyList<TargetDocument> Targets { get; init; }
    public required int NotComparable { get; init; }
    public required int SeatsNotComparable { get; init; }
    public required int SeatsWithoutVotes { get; init; }
}

internal sealed record TargetDocument
{
    public required string BallotId { get; init; }
    public required string Ward { get; init; }
    public required int Seat { get; init; }
    public required double Swing { get; init; }
    public required string Holder { get; init; }
    public required string HolderId { get; init; }
    public required bool Declared { get; init; }
}

internal sealed record AnalysisDocument
{
    public required long Revision { get; init; }
    public required string Council { get; init; }
    public required string CouncilName { get; init; }
    public required ShareMethod Method { get; init; }
    public required TargetBasis Basis { get; init; }
    public required SharesDocument Shares { get; init; }
    public required SwingDocument? Swing { get; init; }
    public required ControlDocument Control { get; init; }
    public required TargetsDocument? Targets { get; init; }
    public required TurnoutDocument Turnout { get; init; }
    public required ProjectionDocument? Projection { get; init; }
}

internal sealed record ProjectionDocument
{
    public required string Label { get; init; }
    public required ShareMethod Method { get; init; }
    public required ProjectionBasis Basis { get; init; }
    public required string BasisName { get; init; }
    public required int MinimumWards { get; init; }
    public required int WardsDeclared { get; init; }
    public required string? Region { get; init; }
    public required int RegionalWards { get; init; }
    public required int NationalWards { get; init; }
    public required int TotalSeats { get; init; }
    public required int Majority { get; init; }
    public required int SeatsProjected { get; init; }
    public required int SeatsWithoutComparableVotes { get; init; }
    public required int SeatsPostponed { get; init; }
    public required string Control { get; init; }
    public required string? ControlPartyId { get; init; }
    public required ControlCertainty Certainty { get; init; }
    public required IReadOnlyList<ProjectedSeatsDocument> Parties { get; init; }
    public required IReadOnlyList<PartySwingDocument> Swings { get; init; }
}

internal sealed record ProjectedSeatsDocument
{
    public required string Party { get; init; }
    public required string PartyId { get; init; }
    public required int Settled { get; init; }
    public required int Low { get; init; }
    public required int Seats { get; init; }
    public required int High { get; init; }
}

internal sealed record PartySwingDocument
{
    public required string Party { get; init; }
    public required string PartyId { get; init; }
    public required SwingSource Source { get; init; }
    public required string SourceName { get; init; }
    public required int Wards { get; init; }
    public required double Change { get; init; }
    public required double Spread { get; init; }
    public required SwingSource NewShareSource { get; init; }
    public required double? NewShare { get; init; }
    public required double MeanError { get; init; }
}

internal sealed record NationalAnalysisDocument
{
    public required long Revision { get; init; }
    public required string Election { get; init; }
    public required ShareMethod Method { get; init; }
    public required SharesDocument Shares { get; init; }
    public required SwingDocument? Swing { get; init; }
    public required TurnoutDocument Turnout { get; init; }
    public required NationalProjectionDocument Projection { get; init; }
    public required ProjectedShareDocument? ProjectedShare { get; init; }
}

internal sealed record NationalProjectionDocument
{
    public required string Label { get; init; }
    public required ShareMethod Method { get; init; }
    public required int Councils { get; init; }
    public required int CouncilsDeclared { get; init; }
    public required int NoOverallControl { get; init; }
    public required int NoOverallControlChange { get; init; }
    public required int SeatsProjected { get; init; }
    public required IReadOnlyList<NationalProjectionPartyDocument> Parties { get; init; }
}

internal sealed record NationalProjectionPartyDocument
{
    public required string Party { get; init; }
    public required string PartyId { get; init; }
    public required int Councils { get; init; }
    public required int CouncilsChange { get; init; }
    public required int Seats { get; init; }
    public required int SeatsDeclared { get; init; }
}

internal sealed record ProjectedShareDocument
{
    public required string Name { get; init; }
    public required string Label { get; init; }
    public required ShareMethod Method { get; init; }
    public required int KeyWards { get; init; }
    public required int BaselineWards { get; init; }
    public required IReadOnlyList<ProjectedSharePartyDocument> Parties { get; init; }
    public required double Others { get; init; }
}

internal sealed record ProjectedSharePartyDocument
{
    public required string Party { get; init; }
    public required string PartyId { get; init; }
    public required double Baseline { get; init; }
    public required double Change { get; init; }
    public required double Share { get; init; }
}

internal sealed record SharesDocument
{
    public required ShareMethod Method { get; init; }
    public required string Label { get; init; }
    public required int Wards { get; init; }
    public required int WardsCompared { get; init; }
    public required int WardsNotComparable { get; init; }
    public required IReadOnlyList<PartyShareDocument> Parties { get; init; }
}

internal sealed record PartyShareDocument
{
    public required string Party { get; init; }
    public required string PartyId { get; init; }
    public required double? Votes { get; init; }
    public required double? Share { get; init; }
    public required double? ComparedShare { get; init; }
    public required double? PreviousShare { get; init; }
    public required double? Change { get; init; }
    public required ShareComparison Comparison { get; init; }
}

internal sealed record SwingDocument
{
    public required string To { get; init; }
    public required string ToId { get; init; }
    public required string From { get; init; }
    public required string FromId { get; init; }
    public required ShareMethod Method { get; init; }
    public required int Wards { get; init; }
    public required int WardsLeftOut { get; init; }
    public required IReadOnlyList<SwingFigureDocument> Figures { get; init; }
}

internal sealed record SwingFigureDocument
{
    public required SwingMeasure Measure { get; init; }
    public required SwingAggregation Aggregation { get; init; }
    public required double? Points { get; init; }
    public required string Label { get; init; }
}

internal sealed record ControlDocument
{
    public required int TotalSeats { get; init; }
    public required int Majority { get; init; }
    public required string? ControlBefore { get; init; }
    public required bool ControlCannotChange { get; init; }
    public required IReadOnlyList<ControlPartyDocument> Parties { get; init; }
    public required DefenceDocument? Defence { get; init; }
}

internal sealed record ControlPartyDocument
{
    public required string Party { get; init; }
    public required string PartyId { get; init; }
    public required int Continuing { get; init; }
    public required int SeatsNeeded { get; init; }
    public required int SeatsHeld { get; init; }
    public required int GainsNeeded { get; init; }
    public required ControlPath Status { get; init; }
    public required double? SwingNeeded { get; init; }
    public required string Summary { get; init; }
}

internal sealed record DefenceDocument
{
    public required string Party { get; init; }
    public required string PartyId { get; init; }
    public required DefencePath Status { get; init; }
    public required double? SwingToLose { get; init; }
    public required int SeatsHeld { get; init; }
    public required int SeatsNotComparable { get; init; }
    public required string Summary { get; init; }
}

internal sealed record TurnoutDocument
{
    public required TurnoutMeasure Measure { get; init; }
    public required string Label { get; init; }
    public required double? Turnout { get; init; }
    public required long BallotPapers { get; init; }
    public required long Electorate { get; init; }
    public required int Wards { get; init; }
}
