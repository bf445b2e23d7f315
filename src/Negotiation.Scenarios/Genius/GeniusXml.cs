using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Negotiation.Core.Common;

namespace Negotiation.Scenarios.Genius;

/// <summary>
/// Loads GENIUS files as untrusted input: no DTD (so no entity expansion and no external entities), no resolver,
/// a size limit; and turns every problem into a <see cref="Diagnostic"/> with file:line:column.
/// </summary>
internal static class GeniusXml
{
    /// <summary>Largest file accepted; the biggest ANAC domains are a few hundred kilobytes.</summary>
    public const int MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>Deepest element nesting accepted: real domains nest objectives two or three levels deep.</summary>
    public const int MaxDepth = 32;

    private static readonly byte[] DoctypeMarker = Encoding.ASCII.GetBytes("<!DOCTYPE");

    public static XDocument LoadFile(string path)
    {
        var top = new SourcePosition(path, 1, 1);
        byte[] bytes;
        try
        {
            var kind = FileKinds.Of(path);
            if (kind == FileKind.Missing)
            {
                throw new InputException(Diagnostic.Error(top, "file not found; expected a GENIUS XML file"));
            }

            if (kind == FileKind.Directory)
            {
                throw new InputException(Diagnostic.Error(top, "this is a directory; expected a GENIUS XML file"));
            }

            // Through the limit whatever the file is: /dev/zero or an endless FIFO stop at the limit + 1 byte.
            bytes = BoundedFile.Read(path, MaxFileBytes) ?? throw new InputException(Diagnostic.Error(
                top,
                $"file is over {MaxFileBytes} bytes; expected a GENIUS XML file of at most {MaxFileBytes} bytes"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(Diagnostic.Error(top, $"cannot read the file ({e.Message}); expected a readable GENIUS XML file"));
        }

        CheckDepth(() => XmlReader.Create(new MemoryStream(bytes, writable: false), Settings()), path);
        using var stream = new MemoryStream(bytes, writable: false);
        var doctype = bytes.AsSpan().IndexOf(DoctypeMarker);
        return Load(XmlReader.Create(stream, Settings()), path, doctype < 0 ? null : PositionOf(path, bytes.AsSpan(0, doctype).ToArray().Select(b => (char)b)));
    }

    public static XDocument LoadText(string xml, string displayPath)
    {
        if (xml.Length > MaxFileBytes)
        {
            throw new InputException(Diagnostic.Error(
                new SourcePosition(displayPath, 1, 1),
                $"text is {xml.Length} characters; expected a GENIUS XML file of at most {MaxFileBytes} characters"));
        }

        CheckDepth(() => XmlReader.Create(new StringReader(xml), Settings()), displayPath);
        using var text = new StringReader(xml);
        var doctype = xml.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        return Load(XmlReader.Create(text, Settings()), displayPath, doctype < 0 ? null : PositionOf(displayPath, xml.Take(doctype)));
    }

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxFileBytes,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    /// <summary>
    /// Refuses elements nested deeper than <see cref="MaxDepth"/> before the document is built (100,000 nested
    /// objectives took a minute). Well-formedness errors are left to the real load, which reports them.
    /// </summary>
    private static void CheckDepth(Func<XmlReader> open, string file)
    {
        using var reader = open();
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth > MaxDepth)
                {
                    var info = (IXmlLineInfo)reader;
                    throw new InputException(Diagnostic.Error(
                        new SourcePosition(file, Math.Max(1, info.LineNumber), Math.Max(1, info.LinePosition)),
                        $"<{reader.LocalName}> is nested {reader.Depth} elements deep; expected at most {MaxDepth} levels of nesting in a GENIUS file"));
                }
            }
        }
        catch (XmlException)
        {
        }
    }

    /// <summary>The line and column just after <paramref name="before"/>, the text preceding a point of interest.</summary>
    private static SourcePosition PositionOf(string file, IEnumerable<char> before)
    {
        var (line, column) = (1, 1);
        foreach (var c in before)
        {
            (line, column) = c == '\n' ? (line + 1, 1) : (line, column + 1);
        }

        return new SourcePosition(file, line, column);
    }

    /// <param name="doctype">Where a &lt;!DOCTYPE&gt; starts, if the text has one: the parser refuses it, and we say why.</param>
    private static XDocument Load(XmlReader reader, string file, SourcePosition? doctype)
    {
        using (reader)
        {
            try
            {
                return XDocument.Load(reader, LoadOptions.SetLineInfo);
            }
            catch (XmlException e)
            {
                var position = doctype ?? new SourcePosition(file, Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition));
                var message = doctype is not null
                    ? "document type declaration (<!DOCTYPE>) refused: DTDs and entities are not processed in untrusted input; expected a plain GENIUS XML file without a DTD"
                    : $"not well-formed XML ({FirstSentence(e.Message)}); expected a GENIUS XML file";
                throw new InputException(Diagnostic.Error(position, message));
            }
        }
    }

    /// <summary>XmlException messages end with " Line n, position m."; the position is reported separately.</summary>
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Line ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    public static SourcePosition PositionOf(string file, XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo()
            ? new SourcePosition(file, info.LineNumber, info.LinePosition)
            : new SourcePosition(file, 1, 1);
}

/// <summary>Collects errors and warnings for one file, each pointing at the element or attribute at fault.</summary>
internal sealed class GeniusDiagnostics(string file)
{
    public string File { get; } = file;

    public List<Diagnostic> Errors { get; } = [];

    public List<Diagnostic> Warnings { get; } = [];

    public SourcePosition At(XObject node) => GeniusXml.PositionOf(File, node);

    public void Error(XObject node, string message) => Errors.Add(Diagnostic.Error(At(node), message));

    public void Warning(XObject node, string message) => Warnings.Add(Diagnostic.Warning(At(node), message));

    public void ThrowIfErrors()
    {
        if (Errors.Count > 0)
        {
            throw new InputException(Errors);
        }
    }

    /// <summary>The attribute's text, or null after reporting it missing.</summary>
    public string? Required(XElement element, string attribute, string expected)
    {
        var value = element.Attribute(attribute)?.Value;
        if (value is null)
        {
            Error(element, $"<{element.Name.LocalName}> has no '{attribute}' attribute; expected {expected}");
        }

        return value;
    }

    /// <summary>A finite number from the attribute, or null after reporting it missing or malformed.</summary>
    public double? Number(XElement element, string attribute, string expected)
    {
        var node = element.Attribute(attribute);
        if (node is null)
        {
            Error(element, $"<{element.Name.LocalName}> has no '{attribute}' attribute; expected {expected}");
            return null;
        }

        return Number(node);
    }

    public double? Number(XAttribute node)
    {
        if (double.TryParse(node.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        Error(node, $"{node.Name.LocalName}=\"{node.Value}\" is not a number; expected a finite decimal number such as 0.5");
        return null;
    }

    /// <summary>An integer from the attribute, or null after reporting it missing or malformed.</summary>
    public int? Integer(XElement element, string attribute, string expected)
    {
        var node = element.Attribute(attribute);
        if (node is null)
        {
            Error(element, $"<{element.Name.LocalName}> has no '{attribute}' attribute; expected {expected}");
            return null;
        }

        return Integer(node);
    }

    public int? Integer(XAttribute node)
    {
        if (int.TryParse(node.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(node, $"{node.Name.LocalName}=\"{node.Value}\" is not an integer; expected a whole number such as 3");
        return null;
    }
}
