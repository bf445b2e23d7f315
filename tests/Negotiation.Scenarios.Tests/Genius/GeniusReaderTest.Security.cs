using Negotiation.Core.Common;
using Negotiation.Scenarios.Genius;

namespace Negotiation.Scenarios.Tests.Genius;

/// <summary>GENIUS files are untrusted input: no DTD, no entity expansion, no external entities.</summary>
public partial class GeniusReaderTest
{
    private const string DtdRefused =
        "document type declaration (<!DOCTYPE>) refused: DTDs and entities are not processed in untrusted input; expected a plain GENIUS XML file without a DTD";

    [Fact]
    public void BillionLaughs_IsRefusedBeforeAnyExpansion()
    {
        var error = Assert.Single(Assert.Throws<InputException>(() => GeniusReader.ReadDomain(Fixture.Path("billion_laughs.xml"))).Diagnostics);

        Assert.Equal(DtdRefused, error.Message);
        Assert.Equal("2:1", $"{error.Position.Line}:{error.Position.Column}"); // the <!DOCTYPE on line 2
    }

    [Fact]
    public void ExternalFileEntity_IsRefusedAndNothingIsRead()
    {
        var exception = Assert.Throws<InputException>(() => GeniusReader.ReadDomain(Fixture.Path("external_entity.xml")));

        var error = Assert.Single(exception.Diagnostics);
        Assert.Equal(DtdRefused, error.Message);
        Assert.DoesNotContain("root:", exception.Message, StringComparison.Ordinal); // no line of /etc/passwd leaked
    }

    [Fact]
    public void ExternalEntityInText_IsRefusedToo()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE utility_space [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
            <utility_space><objective index="0" name="&x;"/></utility_space>
            """;

        var error = Assert.Single(Assert.Throws<InputException>(() => GeniusReader.ReadDomainText(xml, "d.xml")).Diagnostics);

        Assert.Equal(DtdRefused, error.Message);
    }

    [Fact]
    public void UndeclaredEntityWithoutDtd_IsNotWellFormed()
    {
        var error = Assert.Single(Assert.Throws<InputException>(() => GeniusReader.ReadDomainText(
            """<negotiation_template><utility_space><objective index="0" name="&secret;"/></utility_space></negotiation_template>""", "d.xml")).Diagnostics);

        Assert.Equal("d.xml:1:66", error.Position.ToString()); // the entity's name, just after '&' 
        Assert.Equal("not well-formed XML (Reference to undeclared entity 'secret'); expected a GENIUS XML file", error.Message);
    }

    [Fact]
    public void OversizedText_IsRefusedWithoutParsing()
    {
        var huge = new string(' ', (int)GeniusXmlLimit + 1);

        var error = Assert.Single(Assert.Throws<InputException>(() => GeniusReader.ReadDomainText(huge, "d.xml")).Diagnostics);

        Assert.Equal($"text is {GeniusXmlLimit + 1} characters; expected a GENIUS XML file of at most {GeniusXmlLimit} characters", error.Message);
    }

    private const long GeniusXmlLimit = 16 * 1024 * 1024;
}
