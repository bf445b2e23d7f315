using Negotiation.Core.Model;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Tests.Parameters;

public class SharedParameterSamplerTest
{
    [Fact]
    public void Fill_WritesExactlyWhatEachTablesOwnSamplerWrites()
    {
        // Two "variants": a shared parameter, one the variant overrides with another distribution, one only the
        // variant has, and fixed slots in different places.
        var baseline = new ParameterTable();
        baseline.Register("a", new PertDist(0, 0.3, 1));
        baseline.Register("fixed", new Fixed(7));
        baseline.Register("b", new UniformDist(0, 1));
        var variant = new ParameterTable();
        variant.Register("extra", new TriangularDist(0, 0.5, 2));
        variant.Register("b", new PertDist(0.2, 0.4, 0.9));
        variant.Register("a", new PertDist(0, 0.3, 1));
        var shared = new SharedParameterSampler([baseline, variant]);
        Assert.Equal(4, shared.DistinctCount);   // a, b (uniform), extra, b (pert)

        var own = new[] { new ParameterSampler(baseline), new ParameterSampler(variant) };
        var expected = new double[3];
        var actual = new double[3];
        for (var run = 0; run < 200; run++)
        {
            shared.Sample(11, run);
            for (var t = 0; t < 2; t++)
            {
                own[t].Sample(11, run, expected);
                shared.Fill(t, actual);
                Assert.Equal(expected, actual);
            }
        }
    }
}
