using Negotiation.Core.Common;

namespace Negotiation.Core.Tests.Common;

public class DiagnosticTest
{
    [Fact]
    public void Error_PrintsFileLineColumnSeverityAndMessage() =>
        Assert.Equal(
            "scenarios/x.yaml:12:5: error: unknown actor 'rusia'; did you mean 'russia'?",
            Diagnostic.Error(new SourcePosition("scenarios/x.yaml", 12, 5), "unknown actor 'rusia'; did you mean 'russia'?").ToString());

    [Fact]
    public void Warning_IsLabelledAsSuch() =>
        Assert.Equal("a.yaml:1:1: warning: weights do not sum to 1", Diagnostic.Warning(new SourcePosition("a.yaml", 1, 1), "weights do not sum to 1").ToString());

    [Fact]
    public void InputException_CarriesEveryDiagnostic()
    {
        var e = new InputException([
            Diagnostic.Error(new SourcePosition("a.yaml", 1, 1), "first"),
            Diagnostic.Error(new SourcePosition("a.yaml", 2, 1), "second"),
        ]);
        Assert.Equal(2, e.Diagnostics.Count);
        Assert.Equal("a.yaml:1:1: error: first" + Environment.NewLine + "a.yaml:2:1: error: second", e.Message);
    }
}
