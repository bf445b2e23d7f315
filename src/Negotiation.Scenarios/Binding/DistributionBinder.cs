using Negotiation.Core.Model;
using Negotiation.Scenarios.Yaml;

namespace Negotiation.Scenarios.Binding;

/// <summary>
/// Reads a number or a distribution (<c>{dist: pert, min, mode, max}</c> and the other forms), checks that its
/// parameters are possible, and that every value it can take lies within the limits of the place it is used.
/// </summary>
internal static class DistributionBinder
{
    private const string Example = "a number or a distribution such as {dist: pert, min: 0.2, mode: 0.3, max: 0.4}";

    private static readonly Dictionary<string, string[]> KeysByDist = new()
    {
        ["uniform"] = ["dist", "min", "max"],
        ["triangular"] = ["dist", "min", "mode", "max"],
        ["pert"] = ["dist", "min", "mode", "max"],
        ["normal"] = ["dist", "mean", "sd", "min", "max"],
        ["lognormal"] = ["dist", "mu", "sigma"],
        ["beta"] = ["dist", "alpha", "beta", "min", "max"],
    };

    public static Uncertain? Bind(BindContext context, YamlNode node, string what, Limits limits)
    {
        var value = node switch
        {
            YamlScalar { IsNull: false } scalar when BindContext.TryParseNumber(scalar.Value, out var number) => new Fixed(number),
            YamlMapping mapping => BindDistribution(context, mapping, what),
            _ => Fail(context, node, $"{what} is {node.Describe()}; expected {Example}"),
        };

        return value is null ? null : CheckLimits(context, node, what, value, limits);
    }

    private static Uncertain? CheckLimits(BindContext context, YamlNode node, string what, Uncertain value, Limits limits)
    {
        if (value is Fixed fixedValue)
        {
            if (!Limits.WithinMagnitude(fixedValue.Value))
            {
                context.Error(node, $"{what} is {Format.Number(fixedValue.Value)}; expected {Limits.MagnitudeText}");
                return null;
            }

            if (limits.Contains(fixedValue.Value))
            {
                return value;
            }

            context.Error(node, $"{what} is {Format.Number(fixedValue.Value)}; expected {limits.Text}");
            return null;
        }

        if (limits.Contains(value.Lower) && limits.Contains(value.Upper))
        {
            return value;
        }

        context.Error(node,
            $"{what} can take values in [{Format.Number(value.Lower)}, {Format.Number(value.Upper)}]; expected {limits.Text} for every draw (narrow or truncate the distribution)");
        return null;
    }

    private static Uncertain? BindDistribution(BindContext context, YamlMapping mapping, string what)
    {
        if (mapping["dist"] is not { } distNode)
        {
            context.Error(mapping, $"{what} is a mapping without 'dist'; expected {Example}");
            return null;
        }

        var (found, keys) = Fields.ContextChoice(context, distNode, $"{what}.dist", KeysByDist);
        if (!found)
        {
            return null;
        }

        var kind = ((YamlScalar)distNode).Value;
        var fields = new Fields(context, mapping, what, keys);
        var forms = new DistributionForms(context, fields, mapping);
        return kind switch
        {
            "uniform" => forms.Uniform(),
            "triangular" => forms.Triangular(pert: false),
            "pert" => forms.Triangular(pert: true),
            "normal" => forms.Normal(),
            "lognormal" => forms.LogNormal(),
            _ => forms.Beta(),
        };
    }

    private static Uncertain? Fail(BindContext context, YamlNode node, string message)
    {
        context.Error(node, message);
        return null;
    }

    /// <summary>The parameter checks of each distribution form.</summary>
    private sealed class DistributionForms(BindContext context, Fields fields, YamlMapping mapping)
    {
        public Uncertain? Uniform()
        {
            var min = Required("min");
            var max = Required("max");
            if (min is null || max is null)
            {
                return null;
            }

            return CheckOrder(min.Value, max.Value, strict: false) ? new UniformDist(min.Value, max.Value) : null;
        }

        public Uncertain? Triangular(bool pert)
        {
            var min = Required("min");
            var mode = Required("mode");
            var max = Required("max");
            if (min is null || mode is null || max is null || !CheckOrder(min.Value, max.Value, strict: true))
            {
                return null;
            }

            if (mode < min || mode > max)
            {
                context.Error(mapping,
                    $"{fields.PathOf("mode")} is {Format.Number(mode.Value)}, outside [min, max] = [{Format.Number(min.Value)}, {Format.Number(max.Value)}]; expected min <= mode <= max");
                return null;
            }

            return pert ? new PertDist(min.Value, mode.Value, max.Value) : new TriangularDist(min.Value, mode.Value, max.Value);
        }

        public Uncertain? Normal()
        {
            var mean = Required("mean");
            var sd = Required("sd");
            var min = fields.Number("min", Limits.Any) ?? double.NegativeInfinity;
            var max = fields.Number("max", Limits.Any) ?? double.PositiveInfinity;
            if (mean is null || sd is null || !Check(sd.Value >= 0, "sd", sd.Value, "sd >= 0") || !CheckOrder(min, max, strict: true))
            {
                return null;
            }

            return new NormalDist(mean.Value, sd.Value, min, max);
        }

        public Uncertain? LogNormal()
        {
            var mu = Required("mu");
            var sigma = Required("sigma");
            if (mu is null || sigma is null || !Check(sigma.Value > 0, "sigma", sigma.Value, "sigma > 0"))
            {
                return null;
            }

            return new LogNormalDist(mu.Value, sigma.Value);
        }

        public Uncertain? Beta()
        {
            var alpha = Required("alpha");
            var beta = Required("beta");
            var min = fields.Number("min", Limits.Any) ?? 0;
            var max = fields.Number("max", Limits.Any) ?? 1;
            if (alpha is null || beta is null)
            {
                return null;
            }

            var ok = Check(alpha.Value > 0, "alpha", alpha.Value, "alpha > 0");
            ok &= Check(beta.Value > 0, "beta", beta.Value, "beta > 0");
            ok &= CheckOrder(min, max, strict: true);
            return ok ? new BetaDist(alpha.Value, beta.Value, min, max) : null;
        }

        private double? Required(string key) =>
            fields.Required(key, "<number>") is { } node ? context.Number(node, fields.PathOf(key)) : null;

        private bool Check(bool ok, string key, double value, string expected)
        {
            if (!ok)
            {
                context.Error(mapping[key] ?? mapping, $"{fields.PathOf(key)} is {Format.Number(value)}; expected {expected}");
            }

            return ok;
        }

        private bool CheckOrder(double min, double max, bool strict)
        {
            if (strict ? min < max : min <= max)
            {
                return true;
            }

            context.Error(mapping,
                $"{fields.Where} has min {Format.Number(min)} {(min > max ? "greater than" : "equal to")} max {Format.Number(max)}; expected min {(strict ? "<" : "<=")} max");
            return false;
        }
    }
}
