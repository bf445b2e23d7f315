using Negotiation.Reporting.Tables;

namespace Negotiation.Reporting.Tests.Tables;

public sealed class SummaryTablesTest
{
    public static TheoryData<string> TableNames() =>
        new(SummaryTables.All(SampleSummary.Create()).Select(t => t.FileName));

    [Theory]
    [MemberData(nameof(TableNames))]
    public void SampleSummary_TableMatchesGoldenFile(string fileName)
    {
        CsvTable table = SummaryTables.All(SampleSummary.Create()).Single(t => t.FileName == fileName);
        Golden.Verify(fileName, table.ToCsv());
    }

    [Fact]
    public void All_ContainsTheDocumentedFiles()
    {
        string[] names = SummaryTables.All(SampleSummary.Create()).Select(t => t.FileName).ToArray();
        Assert.Equal(
            ["agreement.csv", "breakdowns.csv", "rounds.csv", "issues.csv", "issue_values.csv", "actors.csv", "survival.csv", "compliance.csv", "comparison.csv", "sensitivity.csv"],
            names);
    }

    [Fact]
    public void EveryTable_EndsWithScenarioSeedAndCompleteness_OnEveryRow()
    {
        foreach (bool complete in new[] { true, false })
        {
            foreach (CsvTable table in SummaryTables.All(SampleSummary.Create(complete: complete)))
            {
                string[] lines = table.ToCsv().TrimEnd('\n').Split('\n');
                Assert.EndsWith(",scenario_id,seed,complete", lines[0], StringComparison.Ordinal);
                Assert.True(lines.Length > 1, $"{table.FileName} has no rows");
                Assert.All(lines.Skip(1), row => Assert.EndsWith($",border-talks,42,{(complete ? "true" : "false")}", row, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Survival_HasOneRowPerVariantAndPeriod()
    {
        // 2 variants × (horizon 4 + period 0) = 10 observations.
        Assert.Equal(10, SummaryTables.Survival(SampleSummary.Create()).RowCount);
    }
}
