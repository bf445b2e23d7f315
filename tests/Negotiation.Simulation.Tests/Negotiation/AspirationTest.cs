using Negotiation.Simulation.Negotiation;

namespace Negotiation.Simulation.Tests.Negotiation;

public class AspirationTest
{
    [Theory]
    // target = Pmin + (Pmax − Pmin)(1 − t^(1/e)), Pmin = 0.2, Pmax = 1
    [InlineData(0.5, 1.0, 0.6)]                 // linear: 0.2 + 0.8 · 0.5
    [InlineData(0.5, 0.2, 0.975)]               // Boulware: 0.5^5 = 0.03125 → 0.2 + 0.8 · 0.96875
    [InlineData(0.5, 2.0, 0.434314575050762)]   // conceder: √0.5 = 0.707107 → 0.2 + 0.8 · 0.292893
    [InlineData(0.0, 0.2, 1.0)]                 // t = 0: Pmax
    [InlineData(1.0, 0.2, 0.2)]                 // t = 1: Pmin whatever e
    [InlineData(1.0, 2.0, 0.2)]
    public void TimeDependent_FollowsFaratinCurve(double t, double e, double expected) =>
        Assert.Equal(expected, Aspiration.TimeDependent(t, e, 0.2, 1.0), 12);

    [Fact]
    public void Boulware_AtDeadline_OffersReservation() =>
        Assert.Equal(0.35, Aspiration.TimeDependent(1.0, 0.2, 0.35, 0.9), 12);

    [Fact]
    public void Boulware_HoldsOutLongerThanConceder_AtEveryInteriorTime()
    {
        for (var t = 0.05; t < 1; t += 0.05)
        {
            Assert.True(Aspiration.TimeDependent(t, 0.2, 0, 1) > Aspiration.TimeDependent(t, 1, 0, 1));
            Assert.True(Aspiration.TimeDependent(t, 1, 0, 1) > Aspiration.TimeDependent(t, 2, 0, 1));
        }
    }

    [Fact]
    public void TimeDependent_NonPositiveExponent_NeverConcedesBeforeDeadline()
    {
        Assert.Equal(1.0, Aspiration.TimeDependent(0.99, 0, 0.2, 1.0));
        Assert.Equal(0.2, Aspiration.TimeDependent(1.0, 0, 0.2, 1.0));
    }

    [Theory]
    [InlineData(0.9, 0.1, 1.0, 0.8)]     // concede what the others conceded
    [InlineData(0.9, 0.1, 0.5, 0.85)]    // half of it
    [InlineData(0.8, -0.1, 1.0, 0.9)]    // they hardened: harden back
    [InlineData(0.3, 0.2, 1.0, 0.25)]    // never below Pmin = 0.25
    [InlineData(0.95, -0.2, 1.0, 1.0)]   // never above Pmax = 1
    public void TitForTat_ReciprocatesWithinBounds(double previous, double concession, double reciprocity, double expected) =>
        Assert.Equal(expected, Aspiration.TitForTat(previous, concession, reciprocity, 0.25, 1.0), 12);
}
