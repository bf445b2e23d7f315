using Negotiation.Core.Common;
using Negotiation.Scenarios.Binding;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Negotiation.Scenarios.Yaml;

/// <summary>
/// Reads YAML text into a <see cref="YamlNode"/> tree with YamlDotNet's low-level event parser, refusing the
/// features that make untrusted files dangerous or ambiguous: anchors and aliases (no alias explosion),
/// non-standard tags (no object construction), nesting deeper than <see cref="MaxDepth"/>, duplicate keys and
/// more than one document. Every problem becomes a diagnostic; nothing the text contains makes it throw.
/// </summary>
public sealed class YamlTreeReader
{
    /// <summary>The deepest nesting of mappings and lists accepted; real scenarios need fewer than ten levels.</summary>
    public const int MaxDepth = 64;

    private static readonly HashSet<string> StandardTags =
    [
        "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "!",
    ];

    private static readonly string TooDeepMessage = $"nesting deeper than {MaxDepth} levels; expected a flatter structure";

    private readonly string _file;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly IParser _parser;
    private readonly string _text;

    private YamlTreeReader(string text, string file)
    {
        _file = file;
        _text = text;
        _parser = new Parser(new StringReader(text));
    }

    /// <summary>Parses <paramref name="text"/>; returns the root node (null for an empty file) and every problem found.</summary>
    public static (YamlNode? Root, IReadOnlyList<Diagnostic> Diagnostics) Read(string text, string file)
    {
        var reader = new YamlTreeReader(text, file);
        var root = reader.ReadStream();
        return (root, reader._diagnostics);
    }

    private YamlNode? ReadStream()
    {
        try
        {
            YamlNode? root = null;
            var documents = 0;
            while (_parser.MoveNext())
            {
                switch (_parser.Current)
                {
                    case DocumentStart start when !start.IsImplicit || documents > 0:
                        documents++;
                        if (documents > 1)
                        {
                            Error(start.Start, "a second YAML document; expected one scenario per file");
                            return root;
                        }

                        break;
                    case DocumentStart:
                        documents++;
                        break;
                    case NodeEvent or AnchorAlias:
                        root = ReadNode(_parser.Current, 1);
                        break;
                }
            }

            return root;
        }
        catch (TooDeepException)
        {
            return null;
        }
        catch (YamlException e) when (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && TabInIndentation((int)e.Start.Line) is { } tab)
        {
            // YamlDotNet places this error at the start of the enclosing mapping (often 1:1), not at the tab.
            Error(tab, "a tab in the indentation; expected spaces (YAML does not allow tabs to indent)");
            return null;
        }
        catch (YamlException e)
        {
            Error(e.Start, $"{TrimYamlMessage(e.Message)}; expected valid YAML");
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NullReferenceException or IndexOutOfRangeException
                                       or FormatException or OverflowException)
        {
            // YamlDotNet's scanner reports a few malformed inputs with general exceptions instead of YamlException.
            Error(_parser.Current?.Start ?? Mark.Empty, "the YAML cannot be read after this point (an unclosed bracket, brace or quote?); expected valid YAML");
            return null;
        }
    }

    private YamlNode? ReadNode(ParsingEvent parsingEvent, int depth)
    {
        if (parsingEvent is AnchorAlias alias)
        {
            Error(alias.Start, $"alias '*{Format.Clip(alias.Value.Value)}' is not allowed; expected the value written out in full");
            return null;
        }

        if (parsingEvent is not NodeEvent node)
        {
            return null;
        }

        if (!node.Anchor.IsEmpty)
        {
            Error(node.Start, $"anchor '&{Format.Clip(node.Anchor.Value)}' is not allowed; expected plain values without anchors and aliases");
        }

        if (!node.Tag.IsEmpty && !StandardTags.Contains(node.Tag.Value))
        {
            Error(node.Start, $"tags are not allowed (found '{Format.Clip(node.Tag.Value)}'); expected a plain value without a tag");
        }

        if (depth > MaxDepth && node is MappingStart or SequenceStart)
        {
            // Stop reading at once: YamlDotNet's scanner rescans its per-level state for every token, so
            // reading on through a megabyte of nested brackets would take hours.
            Error(node.Start, TooDeepMessage);
            throw new TooDeepException();
        }

        return node switch
        {
            Scalar scalar => ReadScalar(scalar),
            MappingStart mapping => ReadMapping(mapping, depth),
            SequenceStart sequence => ReadSequence(sequence, depth),
            _ => null,
        };
    }

    private YamlScalar ReadScalar(Scalar scalar) =>
        new(Position(scalar.Start), scalar.Value, scalar.Style is not ScalarStyle.Plain);

    private YamlMapping ReadMapping(MappingStart start, int depth)
    {
        var entries = new List<YamlEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (Next() is { } keyEvent)
        {
            var key = ReadNode(keyEvent, depth + 1);
            var valueEvent = Next();
            var value = valueEvent is null ? null : ReadNode(valueEvent, depth + 1);
            if (key is not YamlScalar keyScalar)
            {
                if (key is not null)
                {
                    Error(key.Position, $"{key.Describe()} used as a key; expected a plain name as key");
                }

                continue;
            }

            if (!seen.Add(keyScalar.Value))
            {
                Error(keyScalar.Position, $"duplicate key '{keyScalar.Value}'; expected each key once in a mapping");
                continue;
            }

            if (value is not null)
            {
                entries.Add(new YamlEntry(keyScalar, value));
            }
        }

        return new YamlMapping(Position(start.Start), entries);
    }

    private YamlSequence ReadSequence(SequenceStart start, int depth)
    {
        var items = new List<YamlNode>();
        while (Next() is { } itemEvent)
        {
            if (ReadNode(itemEvent, depth + 1) is { } item)
            {
                items.Add(item);
            }
        }

        return new YamlSequence(Position(start.Start), items);
    }

    /// <summary>Advances to the next event; returns it, or null at the end of a collection (or of the stream).</summary>
    private ParsingEvent? Next()
    {
        while (_parser.MoveNext())
        {
            switch (_parser.Current)
            {
                case MappingEnd or SequenceEnd or DocumentEnd or StreamEnd:
                    return null;
                case Comment:
                    continue;
                default:
                    return _parser.Current;
            }
        }

        return null;
    }

    private SourcePosition Position(Mark mark) => new(_file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private void Error(Mark mark, string message) => Error(Position(mark), message);

    // The first tab in the leading whitespace of a line at or after fromLine (1-based), as a position.
    private SourcePosition? TabInIndentation(int fromLine)
    {
        var lines = _text.Split('\n');
        for (var i = Math.Max(0, fromLine - 1); i < lines.Length; i++)
        {
            var line = lines[i];
            var indent = line.Length - line.TrimStart(' ', '\t').Length;
            var tab = line.IndexOf('\t', 0, indent);
            if (tab >= 0)
            {
                return new SourcePosition(_file, i + 1, tab + 1);
            }
        }

        return null;
    }

    private void Error(SourcePosition position, string message)
    {
        if (_diagnostics.Count < DiagnosticBag.MaxErrors)
        {
            _diagnostics.Add(Diagnostic.Error(position, message));
        }
        else if (_diagnostics.Count == DiagnosticBag.MaxErrors)
        {
            _diagnostics.Add(DiagnosticBag.TooMany(new SourcePosition(_file, 1, 1)));
        }
    }

    /// <summary>YamlDotNet prefixes messages with "(Line: 3, Col: 1, Idx: 20) - (…): "; the position is printed by us.</summary>
    private static string TrimYamlMessage(string message)
    {
        var text = message;
        var marker = text.LastIndexOf("): ", StringComparison.Ordinal);
        if (text.StartsWith('(') && marker >= 0)
        {
            text = text[(marker + 3)..];
        }

        text = text.TrimEnd('.');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : "the YAML cannot be read";
    }

    /// <summary>Unwinds the recursive reader when the depth limit is hit; never leaves this class.</summary>
    private sealed class TooDeepException : Exception;
}
