using Negotiation.Reporting.Trace;
using Negotiation.Simulation.Compliance;
using Negotiation.Simulation.Negotiation;

namespace Negotiation.Reporting.Tests.Trace;

public sealed class TraceRecorderTest
{
    [Fact]
    public void EventsFiredBeforeARoundStarts_BelongToThatRound_AndARoundWithoutOfferIsKept()
    {
        var recorder = new TraceRecorder();
        recorder.RoundStarted(1, [0.3, 0.5], [1, 1]);
        recorder.EventFired(2, 0);
        recorder.RoundStarted(2, [0.3, 0.3], [0.9, 0.8]);
        recorder.OfferMade(2, 1, [1, 5], [0.6, 0.7]);
        recorder.Responded(2, 0, -1, ResponseReason.BelowAspiration, 0.6, 0.9, 0.3);
        recorder.Ended(new NegotiationResult(false, 2, -1, BreakdownCause.Deadline, -1), [double.NaN, double.NaN], [0.3, 0.3], [0.3, 0.3]);

        Assert.Equal([1, 2], recorder.Rounds.Select(r => r.Round));
        Assert.Empty(recorder.Rounds[0].EventsFired);
        Assert.Null(recorder.Rounds[0].Offer);
        Assert.Equal([0], recorder.Rounds[1].EventsFired);
        Assert.Equal([1.0, 5.0], recorder.Rounds[1].Offer!.Package);
        Assert.Equal(ResponseReason.BelowAspiration, Assert.Single(recorder.Rounds[1].Responses).Reason);
    }

    [Fact]
    public void Spans_AreCopied_SoTheEnginesBuffersCanChangeAfterTheCall()
    {
        var recorder = new TraceRecorder();
        double[] reservations = [0.3, 0.5];
        double[] package = [2, 7.5];
        recorder.RoundStarted(1, reservations, [1, 1]);
        recorder.OfferMade(1, 0, package, [1, 0]);
        reservations[0] = 99;
        package[1] = 99;
        recorder.Ended(new NegotiationResult(true, 1, 0, BreakdownCause.None, -1), [2, 7.5], [1, 0], [0.3, 0.5]);
        Assert.Equal([0.3, 0.5], recorder.Rounds[0].Reservations);
        Assert.Equal([2, 7.5], recorder.Rounds[0].Offer!.Package);
    }

    [Fact]
    public void AnOfferForARoundThatDidNotStart_IsABug()
    {
        var recorder = new TraceRecorder();
        recorder.RoundStarted(1, [0.3], [1]);
        Assert.Throws<InvalidOperationException>(() => recorder.OfferMade(2, 0, [0], [1]));
    }

    [Fact]
    public void ComplianceEntries_AreKeptInTheOrderReported()
    {
        var recorder = new TraceRecorder();
        recorder.PeriodStarted(1);
        recorder.Violation(1, 0, 1, 0.2, 0.1);
        recorder.Detected(1, 1, CollapseCause.Violation);
        recorder.Response(1, 0, 1, ResponseAction.Collapse);
        recorder.Ended(new ComplianceResult(0, CollapseCause.Violation, 1, 0));
        Assert.Equal(
            [typeof(ViolationEntry), typeof(DetectionEntry), typeof(ResponseEntry)],
            recorder.Entries.Select(e => e.GetType()));
        Assert.Equal(CollapseCause.Violation, recorder.Compliance!.Value.Cause);
    }

    [Fact]
    public void PartyWithdrawalNotice_IsRecorded_WithTheParty()
    {
        // IComplianceObserver's default ignores it; the trace must show who left, and when.
        IComplianceObserver recorder = new TraceRecorder();
        recorder.PartyWithdrawalNotice(4, 1, 8);
        Assert.Equal([new PartyWithdrawalEntry(4, 1, 8)], ((TraceRecorder)recorder).Entries);
    }
}
