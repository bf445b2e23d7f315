namespace Negotiation.Scenarios;

/// <summary>Finds the closest allowed name to a misspelled one, for "did you mean" hints.</summary>
public static class Suggestions
{
    /// <summary>Words longer than this get no suggestion.</summary>
    public const int MaxLength = 100;

    /// <summary>
    /// The candidate closest to <paramref name="word"/> by optimal-string-alignment distance (Damerau–Levenshtein
    /// with adjacent transpositions), if it is close enough to be a plausible typo: at most a third of the
    /// word's length, and at least 1; or a candidate that differs only in case.
    /// </summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        // Names are short; the quadratic distance is not worth computing (or allocating) for anything longer.
        if (word.Length > MaxLength)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        var lowerWord = word.ToLowerInvariant();
        foreach (var candidate in candidates)
        {
            // The distance is at least the difference in length; skip candidates that cannot win or qualify.
            var lengthGap = Math.Abs(candidate.Length - word.Length);
            if (candidate.Length > MaxLength)
            {
                continue;
            }

            if (lengthGap >= bestDistance || lengthGap > Math.Max(1, Math.Max(word.Length, candidate.Length) / 3))
            {
                continue;
            }

            if (string.Equals(candidate, word, StringComparison.OrdinalIgnoreCase) && candidate != word)
            {
                return candidate;
            }

            var distance = Distance(lowerWord, candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        var allowed = Math.Max(1, Math.Max(word.Length, best?.Length ?? 0) / 3);
        return bestDistance > 0 && bestDistance <= allowed ? best : null;
    }

    /// <summary>"; did you mean 'x'?" or, when nothing is close, "; expected one of a, b, c".</summary>
    public static string Hint(string word, IReadOnlyCollection<string> candidates, string expected)
    {
        var closest = Closest(word, candidates);
        if (closest is not null)
        {
            return $"did you mean '{closest}'?";
        }

        return candidates.Count == 0 ? $"expected {expected}" : $"expected {expected}: {Binding.Format.List(candidates)}";
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
