namespace Negotiation.Reporting;

/// <summary>Placeholder; written next.</summary>
public static class ReportWriter
{
    public static void Write() { }
}
