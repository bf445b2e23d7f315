namespace Negotiation.Scenarios;

/// <summary>
/// Sets the number at <paramref name="Path"/> (a dotted path such as <c>actors.russia.reservation</c> or
/// <c>actors.russia.reservation.mode</c>) to <paramref name="Value"/> in every variant (or only in the one the
/// loader's <c>overridesVariant</c> names), after the variant's own overrides; used by parameter sweeps.
/// </summary>
public sealed record ParameterOverride(string Path, double Value);
