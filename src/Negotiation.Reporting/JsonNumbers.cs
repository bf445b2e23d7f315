using System.Text.Json;

namespace Negotiation.Reporting;

/// <summary>
/// How every JSON file of the reports writes a double. JSON has no NaN or infinity, so an undefined figure (the
/// median round of zero agreements, a rate with no trials) is written as null; finite doubles are written in the
/// shortest form that parses back to the same double.
/// </summary>
internal static class JsonNumbers
{
    public static void WriteNumberOrNull(this Utf8JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        json.WriteNumberValueOrNull(value);
    }

    public static void WriteNumberValueOrNull(this Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
