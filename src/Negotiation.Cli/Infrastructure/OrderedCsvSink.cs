using System.Text;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Cli.Infrastructure;

/// <summary>
/// Streams per-run rows to a temporary file in run order, whatever order the workers finish their chunks in:
/// chunks that arrive early wait in memory (at most about one per worker) until their turn.
/// </summary>
public sealed class OrderedCsvSink : IPerRunSink, IDisposable
{
    private readonly StreamWriter _writer;
    private readonly Dictionary<long, string> _pending = [];
    private readonly object _gate = new();
    private long _next;

    public OrderedCsvSink(string path, long firstChunk = 0)
    {
        Path = path;
        _next = firstChunk;
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
    }

    public string Path { get; }

    public void Begin(string header) => _writer.Write(header + "\n");

    public void Write(long chunk, string rows)
    {
        lock (_gate)
        {
            _pending[chunk] = rows;
            while (_pending.Remove(_next, out var text))
            {
                _writer.Write(text);
                _next++;
            }
        }
    }

    public void Dispose() => _writer.Dispose();
}
