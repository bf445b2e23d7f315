using Negotiation.Core.Common;
using Negotiation.Scenarios.Paths;
using Negotiation.Scenarios.Yaml;

namespace Negotiation.Scenarios.Tests.Paths;

public class NodePathTest
{
    private static readonly SourcePosition At = new("t.yaml", 1, 1);

    private static YamlMapping Tree() => (YamlMapping)YamlTreeReader.Read("a:\n  b: 1\n  c: [x, y]\n", "t.yaml").Root!;

    [Fact]
    public void Parse_RejectsEmptySegments()
    {
        Assert.Null(NodePath.Parse("a..b"));
        Assert.Equal(["a", "b"], NodePath.Parse("a.b")!.Segments);
    }

    [Fact]
    public void Set_LeavesTheOriginalTreeUnchanged()
    {
        var tree = Tree();
        var changed = NodePath.Parse("a.b")!.Set(tree, new YamlScalar(At, "2", false), out _)!;
        Assert.Equal("2", ((YamlScalar)NodePath.Parse("a.b")!.Get(changed, out _)!).Value);
        Assert.Equal("1", ((YamlScalar)NodePath.Parse("a.b")!.Get(tree, out _)!).Value);
    }

    [Fact]
    public void Remove_OfAListItem_ShiftsTheRest()
    {
        var changed = NodePath.Parse("a.c.0")!.Remove(Tree(), out _)!;
        var list = (YamlSequence)NodePath.Parse("a.c")!.Get(changed, out _)!;
        Assert.Equal(["y"], list.Items.Cast<YamlScalar>().Select(s => s.Value));
    }

    [Fact]
    public void Get_BeyondTheEndOfAList_SaysWhichIndexesExist()
    {
        Assert.Null(NodePath.Parse("a.c.5")!.Get(Tree(), out var error));
        Assert.Equal(2, error!.Segment);
        Assert.Equal("path 'a.c.5' does not exist: a.c has no item '5'; expected an index from 0 to 1", error.Message);
    }
}
