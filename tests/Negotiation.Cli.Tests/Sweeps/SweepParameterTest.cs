using System.Globalization;
using CsCheck;
using Negotiation.Cli.Sweeps;

namespace Negotiation.Cli.Tests.Sweeps;

public class SweepParameterTest
{
    private static SweepParameter Valid(string text)
    {
        var parameter = SweepParameter.Parse(text, out var error);
        Assert.Null(error);
        return Assert.IsType<SweepParameter>(parameter);
    }

    private static string Invalid(string text)
    {
        Assert.Null(SweepParameter.Parse(text, out var error));
        return Assert.IsType<string>(error);
    }

    [Fact]
    public void Range_IncludesTo_AndReadsValuesAsWritten()
    {
        // 0.2 + k·0.05 for k = 0..8; (0.6 − 0.2)/0.05 is 7.999… or 8.000… in binary, and 0.6 must still be in.
        var parameter = Valid("actors.russia.reservation=0.2:0.6:0.05");
        Assert.Equal("actors.russia.reservation", parameter.Path);
        Assert.Equal([0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6], parameter.Values);
    }

    [Fact]
    public void Range_StepNotDividingTheRange_StopsBelowTo()
    {
        Assert.Equal([0, 0.3, 0.6, 0.9], Valid("p=0:1:0.3").Values);
    }

    [Fact]
    public void Range_AnyValidRange_StartsAtFromStepsEvenlyAndNeverPassesTo()
    {
        // FROM and STEP in hundredths, as users type them; 2 to 200 values.
        Gen.Select(Gen.Int[-100, 100], Gen.Int[1, 50], Gen.Int[1, 199]).Sample((from100, step100, steps) =>
        {
            double from = from100 / 100.0, step = step100 / 100.0, to = (from100 + step100 * steps) / 100.0;
            var text = string.Create(CultureInfo.InvariantCulture, $"p={from}:{to}:{step}");
            var values = SweepParameter.Parse(text, out var error)!.Values;
            Assert.Null(error);
            Assert.Equal(steps + 1, values.Count);
            Assert.Equal(from, values[0]);
            Assert.Equal(to, values[^1]);
            for (var i = 1; i < values.Count; i++)
            {
                Assert.Equal(step, values[i] - values[i - 1], 9);
            }
        });
    }

    [Fact]
    public void Range_CrossingZero_HitsZeroExactly()
    {
        // In doubles −0.07 + 7·0.01 is 1.4·10⁻¹⁷, which would make a point "0.0000000000000000139".
        Assert.Equal([-0.07, -0.06, -0.05, -0.04, -0.03, -0.02, -0.01, 0, 0.01], Valid("p=-0.07:0.01:0.01").Values);
    }

    [Fact]
    public void List_IsSortedAscending()
    {
        Assert.Equal([0.1, 0.5, 0.9], Valid("compliance.mechanisms.jic.detection=0.9, 0.1,0.5").Values);
    }

    [Fact]
    public void Numbers_UseTheInvariantCultureAndExponents()
    {
        Assert.Equal([1e-3, 2.5e-3], Valid("p=1e-3,2.5E-3").Values);
    }

    [Theory]
    [InlineData("actors.russia.reservation", "--param 'actors.russia.reservation': expected PATH=FROM:TO:STEP or PATH=v1,v2,... (e.g. actors.russia.reservation=0.2:0.6:0.05)")]
    [InlineData("=0:1:0.1", "--param '=0:1:0.1': expected PATH=FROM:TO:STEP or PATH=v1,v2,... (e.g. actors.russia.reservation=0.2:0.6:0.05)")]
    [InlineData("p=", "--param 'p=': expected PATH=FROM:TO:STEP or PATH=v1,v2,... (e.g. actors.russia.reservation=0.2:0.6:0.05)")]
    [InlineData("p=0:1", "--param 'p=0:1': a range is FROM:TO:STEP, with three numbers; expected PATH=FROM:TO:STEP or PATH=v1,v2,... (e.g. actors.russia.reservation=0.2:0.6:0.05)")]
    [InlineData("p=0:abc:0.1", "--param 'p=0:abc:0.1': 'abc' is not a number; expected PATH=FROM:TO:STEP or PATH=v1,v2,... (e.g. actors.russia.reservation=0.2:0.6:0.05)")]
    [InlineData("p=0.1,,0.2", "--param 'p=0.1,,0.2': '' is not a number; expected PATH=FROM:TO:STEP or PATH=v1,v2,... (e.g. actors.russia.reservation=0.2:0.6:0.05)")]
    [InlineData("p=0.1,NaN", "--param 'p=0.1,NaN': 'NaN' is not a number; expected PATH=FROM:TO:STEP or PATH=v1,v2,... (e.g. actors.russia.reservation=0.2:0.6:0.05)")]
    [InlineData("p=0,1,0,5", "--param 'p=0,1,0,5': the value 0 is listed twice")]
    [InlineData("p=0.5", "--param 'p=0.5': a sweep needs at least two values, got only 0.5")]
    public void Malformed_IsRejectedWithItsReason(string text, string expected)
    {
        Assert.Equal(expected, Invalid(text));
    }

    [Theory]
    [InlineData("p=0:1:0", "--param 'p=0:1:0': STEP must be positive, got 0")]
    [InlineData("p=0:1:-0.1", "--param 'p=0:1:-0.1': STEP must be positive, got -0.1")]
    [InlineData("p=0.6:0.2:0.1", "--param 'p=0.6:0.2:0.1': the range is reversed: FROM 0.6 is above TO 0.2; write FROM:TO:STEP with FROM < TO")]
    [InlineData("p=0.5:0.5:0.1", "--param 'p=0.5:0.5:0.1': the range is empty: FROM and TO are both 0.5; give FROM < TO, or list the values")]
    [InlineData("p=0:0.1:0.5", "--param 'p=0:0.1:0.5': STEP 0.5 is larger than the range 0 to 0.1, which leaves one value; a sweep needs at least two")]
    [InlineData("p=0:1:0.00001", "--param 'p=0:1:0.00001': the range has 100,001 values; at most 10,000 per parameter")]
    public void BadRange_IsRejectedWithItsReason(string text, string expected)
    {
        Assert.Equal(expected, Invalid(text));
    }
}
