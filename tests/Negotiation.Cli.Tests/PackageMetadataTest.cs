using System.Xml.Linq;

namespace Negotiation.Cli.Tests;

/// <summary>The dotnet tool package says what it is and carries the README (nuget.org shows both).</summary>
public class PackageMetadataTest
{
    private static readonly XDocument Project = XDocument.Load(RepositoryFiles.Path("src/Negotiation.Cli/Negotiation.Cli.csproj"));

    private static string? Property(string name) => Project.Descendants(name).Select(e => e.Value).SingleOrDefault();

    [Fact]
    public void ToolPackage_HasADescriptionTagsAndTheReadmePacked()
    {
        Assert.True(Property("Description") is { Length: > 80 }, "a description of what the tool does");
        Assert.Contains("negotiation", Property("PackageTags")!, StringComparison.Ordinal);
        Assert.Equal("README.md", Property("PackageReadmeFile"));
        var packed = Project.Descendants("None").Single(e => (string?)e.Attribute("PackagePath") == "/");
        Assert.Equal("true", (string?)packed.Attribute("Pack"));
        Assert.True(File.Exists(Path.Combine(RepositoryFiles.Path("src/Negotiation.Cli"), (string)packed.Attribute("Include")!)));
        Assert.Equal("git", Property("RepositoryType"));
    }

    [Fact]
    public void ToolPackage_DeclaresNoLicence_UntilTheOwnersChooseOne()
    {
        // The repository has no licence file; a licence is the owners' decision, not a build setting to guess.
        Assert.Null(Property("PackageLicenseExpression"));
        Assert.Null(Property("PackageLicenseFile"));
    }
}
