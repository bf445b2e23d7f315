using Negotiation.Cli.Commands;

namespace Negotiation.Cli.Tests.Commands;

/// <summary>Every input error of <c>negotiate sweep</c>: exit code 2, the exact message on stderr, nothing written.</summary>
public class SweepCommandErrorTest
{
    private static readonly string BuyerSeller = TestCli.TestData("buyer-seller.yaml");

    private static void AssertBadInput(string expectedError, params string[] args)
    {
        using var temp = new TempDirectory();
        var outDir = temp.Combine("never");
        string[] runs = args.Contains("--runs") ? [] : ["--runs", "100"];
        var result = TestCli.Run(["sweep", .. args, "--out", outDir, .. runs]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expectedError, result.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", result.Out);
        Assert.False(Directory.Exists(outDir));
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void NoParam_IsAnError() => AssertBadInput(
        "negotiate: error: give the parameter to sweep with --param PATH=FROM:TO:STEP or PATH=v1,v2,... (e.g. actors.russia.reservation=0.2:0.6:0.05)\n",
        BuyerSeller);

    [Fact]
    public void ThreeParams_AreAnError() => AssertBadInput(
        "negotiate: error: a sweep takes one --param (curves) or two (a grid), got 3\n",
        BuyerSeller, "-p", "actors.buyer.reservation=0,1", "-p", "actors.seller.reservation=0,1", "-p", "actors.observer.reservation=0,1");

    [Fact]
    public void SameParamTwice_IsAnError() => AssertBadInput(
        "negotiate: error: --param actors.buyer.reservation is given twice; sweep each parameter once\n",
        BuyerSeller, "-p", "actors.buyer.reservation=0,1", "-p", "actors.buyer.reservation=0.2:0.4:0.1");

    [Fact]
    public void MalformedValue_IsAnError() => AssertBadInput(
        "negotiate: error: --param 'actors.buyer.reservation=0.1,x': 'x' is not a number; expected PATH=FROM:TO:STEP or PATH=v1,v2,... (e.g. actors.russia.reservation=0.2:0.6:0.05)\n",
        BuyerSeller, "-p", "actors.buyer.reservation=0.1,x");

    [Fact]
    public void ReversedRange_IsAnError() => AssertBadInput(
        "negotiate: error: --param 'actors.buyer.reservation=0.6:0.2:0.1': the range is reversed: FROM 0.6 is above TO 0.2; write FROM:TO:STEP with FROM < TO\n",
        BuyerSeller, "-p", "actors.buyer.reservation=0.6:0.2:0.1");

    [Fact]
    public void EmptyRange_IsAnError() => AssertBadInput(
        "negotiate: error: --param 'actors.buyer.reservation=0.3:0.3:0.1': the range is empty: FROM and TO are both 0.3; give FROM < TO, or list the values\n",
        BuyerSeller, "-p", "actors.buyer.reservation=0.3:0.3:0.1");

    [Fact]
    public void NonPositiveStep_IsAnError() => AssertBadInput(
        "negotiate: error: --param 'actors.buyer.reservation=0:1:0': STEP must be positive, got 0\n",
        BuyerSeller, "-p", "actors.buyer.reservation=0:1:0");

    [Fact]
    public void OverBudget_IsAnError_AndSaysTheNumbers() => AssertBadInput(
        // 101 values × 2,000,000 runs = 202,000,000 > 200,000,000.
        "negotiate: error: the sweep needs 101 points × 2,000,000 runs = 202,000,000 simulated negotiations, over the budget of 200,000,000; lower --runs, sweep fewer points, or add --force\n",
        BuyerSeller, "-p", "actors.buyer.reservation=0:1:0.01", "--runs", "2000000");

    [Fact]
    public void OverBudgetGrid_SaysBothDimensions() => AssertBadInput(
        // 11 × 11 = 121 points × 2,000,000 runs = 242,000,000.
        "negotiate: error: the sweep needs 11 × 11 = 121 points × 2,000,000 runs = 242,000,000 simulated negotiations, over the budget of 200,000,000; lower --runs, sweep fewer points, or add --force\n",
        BuyerSeller, "-p", "actors.buyer.reservation=0:1:0.1", "-p", "actors.seller.reservation=0:1:0.1", "--runs", "2000000");

    [Fact]
    public void Force_LiftsTheBudget_ButNotOtherChecks() => AssertBadInput(
        // With --force the budget is not checked, so the next error (the unknown path) is the one reported.
        $"negotiate: error: sweep point actors.sellr.reservation=0 is not a valid scenario:\n{BuyerSeller}:1:1: error: parameter override 'actors.sellr.reservation': path 'actors.sellr.reservation' does not exist: actors has no key 'sellr'; did you mean 'seller'?\n1 error.\n",
        BuyerSeller, "-p", "actors.sellr.reservation=0:1:0.01", "--runs", "2000000", "--force");

    [Fact]
    public void PathThatDoesNotExist_GivesTheLoadersDiagnostic() => AssertBadInput(
        $"negotiate: error: sweep point actors.sellr.reservation=0 is not a valid scenario:\n{BuyerSeller}:1:1: error: parameter override 'actors.sellr.reservation': path 'actors.sellr.reservation' does not exist: actors has no key 'sellr'; did you mean 'seller'?\n1 error.\n",
        BuyerSeller, "-p", "actors.sellr.reservation=0,1");

    [Fact]
    public void PathThatIsNotANumber_GivesTheLoadersDiagnostic() => AssertBadInput(
        $"negotiate: error: sweep point protocol.signatories=0 is not a valid scenario:\n{BuyerSeller}:1:1: error: parameter override 'protocol.signatories': protocol.signatories is a list, not a number; expected a path to a number or a distribution\n1 error.\n",
        BuyerSeller, "-p", "protocol.signatories=0,1");

    [Fact]
    public void ValueOutOfRange_GivesTheLoadersDiagnosticForThatPoint() => AssertBadInput(
        $"negotiate: error: sweep point actors.seller.reservation=1.5 is not a valid scenario:\n{BuyerSeller}:1:1: error: actors.seller.reservation is 1.5; expected a number between 0 and 1\n1 error.\n",
        BuyerSeller, "-p", "actors.seller.reservation=0.5,1.5");

    [Fact]
    public void UnknownVariant_IsAnError() => AssertBadInput(
        $"negotiate: error: --variant 'gentle-seller' is not a variant of {BuyerSeller}; expected one of: baseline, tough-seller\n",
        BuyerSeller, "-p", "actors.buyer.reservation=0,1", "--variant", "gentle-seller");

    [Fact]
    public void TwoVariants_AreAnError() => AssertBadInput(
        "negotiate: error: --variant: a sweep runs one variant, got 2 (baseline, tough-seller); run one sweep per variant\n",
        BuyerSeller, "-p", "actors.buyer.reservation=0,1", "-v", "baseline", "-v", "tough-seller");

    [Fact]
    public void ZeroRuns_IsAnError() => AssertBadInput(
        "negotiate: error: --runs must be between 1 and 1,000,000,000,000, got 0; split larger studies into shards (docs/cluster.md)\n",
        BuyerSeller, "-p", "actors.buyer.reservation=0,1", "--runs", "0");

    [Fact]
    public void OutputDirectoryThatIsNotASweep_IsRefusedBeforeAnyWork()
    {
        using var temp = new TempDirectory();
        var outDir = temp.Combine("mine");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "keep me");
        var result = TestCli.Run("sweep", BuyerSeller, "-p", "actors.buyer.reservation=0,1", "-n", "10", "-o", outDir);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"negotiate: error: --out {outDir}: exists and is not an earlier sweep (a file, or a non-empty directory without sweep.json); refusing to replace it. Choose an empty or new directory.\n",
            result.Error.ReplaceLineEndings("\n"));
        Assert.Equal(["notes.txt"], Directory.GetFiles(outDir).Select(Path.GetFileName));
    }

    [Fact]
    public void Budget_IsTwoHundredMillion() => Assert.Equal(200_000_000, SweepCommand.Budget);
}
