namespace Procurement.Rules.Model;

/// <summary>
/// Periods at positions <c>0..n-1</c>, each with a party key, answering "the first position in a range whose period
/// overlaps a given period and whose party differs from a given one" in O(log² n), whatever the periods look like.
/// </summary>
/// <remarks>
/// A merge-sort tree: at level <c>L</c> the positions form blocks of <c>2^L</c>, and within each block the starts
/// are sorted. Along that order it keeps the latest end of every prefix, the party holding it, and the latest end
/// among the other parties. The elements of a block that start on or before a day are a prefix, so one binary
/// search says exactly whether the block holds a match, and the query walks down to the first one. Memory is
/// O(n log n) ints, built in O(n log n).
/// </remarks>
internal sealed class PeriodTree
{
    private const int OpenEnd = int.MaxValue;

    private readonly int _count;
    private readonly int _top;
    private readonly int[][] _from;
    private readonly int[][] _latestUntil;
    private readonly int[][] _latestParty;
    private readonly int[][] _otherUntil;

    /// <param name="from">Start day (<see cref="DateOnly.DayNumber"/>) of each position.</param>
    /// <param name="until">End day of each position; <see cref="int.MaxValue"/> for an open end.</param>
    /// <param name="party">Party key (zero or more) of each position.</param>
    public PeriodTree(int[] from, int[] until, int[] party)
    {
        _count = from.Length;
        var top = 0;
        while ((1L << top) < _count)
        {
            top++;
        }

        _top = top;
        _from = new int[top + 1][];
        _latestUntil = new int[top + 1][];
        _latestParty = new int[top + 1][];
        _otherUntil = new int[top + 1][];

        // Positions sorted by start within each block; level 0 is the identity.
        var order = new int[_count];
        for (var i = 0; i < _count; i++)
        {
            order[i] = i;
        }

        var merged = new int[_count];
        for (var level = 0; level <= top; level++)
        {
            if (level > 0)
            {
                var half = 1 << (level - 1);
                for (var start = 0; start < _count; start += half * 2)
                {
                    Merge(order, merged, from, start, Math.Min(start + half, _count), Math.Min(start + (half * 2), _count));
                }

                (order, merged) = (merged, order);
            }

            Fill(level, order, from, until, party);
        }
    }

    /// <summary>Number of positions.</summary>
    public int Count => _count;

    /// <summary>
    /// The first position in <c>[start, end)</c> whose period overlaps <c>[from, until]</c> (day numbers, both ends
    /// inclusive) and whose party is not <paramref name="excludedParty"/> (negative: any party); -1 when there is none.
    /// </summary>
    public int First(int start, int end, int from, int until, int excludedParty)
    {
        var i = Math.Max(start, 0);
        end = Math.Min(end, _count);
        while (i < end)
        {
            // The largest block that starts at i and ends within the range.
            var level = 0;
            while (level < _top && (i & ((2 << level) - 1)) == 0 && i + (2 << level) <= end)
            {
                level++;
            }

            var width = 1 << level;
            if (HasMatch(level, i, width, from, until, excludedParty))
            {
                while (level > 0)
                {
                    level--;
                    width >>= 1;
                    if (!HasMatch(level, i, width, from, until, excludedParty))
                    {
                        i += width;
                    }
                }

                return i;
            }

            i += width;
        }

        return -1;
    }

    private bool HasMatch(int level, int blockStart, int width, int from, int until, int excludedParty)
    {
        // Elements of the block that start on or before 'until' form a prefix of its start-sorted order.
        var low = blockStart + SortedSearch.CountAtMost(_from[level].AsSpan(blockStart, width), until);
        if (low == blockStart)
        {
            return false;
        }

        var last = low - 1;
        var latest = _latestParty[level][last] != excludedParty ? _latestUntil[level][last] : _otherUntil[level][last];
        return latest >= from;
    }

    private static void Merge(int[] source, int[] target, int[] from, int start, int middle, int end)
    {
        int left = start, right = middle, k = start;
        while (left < middle && right < end)
        {
            target[k++] = from[source[right]] < from[source[left]] ? source[right++] : source[left++];
        }

        while (left < middle)
        {
            target[k++] = source[left++];
        }

        while (right < end)
        {
            target[k++] = source[right++];
        }
    }

    private void Fill(int level, int[] order, int[] from, int[] until, int[] party)
    {
        var starts = new int[_count];
        var latestUntil = new int[_count];
        var latestParty = new int[_count];
        var otherUntil = new int[_count];
        var width = 1 << level;
        for (var blockStart = 0; blockStart < _count; blockStart += width)
        {
            int best = int.MinValue, bestParty = -1, other = int.MinValue;
            var blockEnd = Math.Min(blockStart + width, _count);
            for (var k = blockStart; k < blockEnd; k++)
            {
                var position = order[k];
                int end = until[position], owner = party[position];
                if (owner == bestParty)
                {
                    best = Math.Max(best, end);
                }
                else if (end > best)
                {
                    // The old latest belongs to another party than the new one, and is at least every other end.
                    other = best;
                    best = end;
                    bestParty = owner;
                }
                else
                {
                    other = Math.Max(other, end);
                }

                starts[k] = from[position];
                latestUntil[k] = best;
                latestParty[k] = bestParty;
                otherUntil[k] = other;
            }
        }

        _from[level] = starts;
        _latestUntil[level] = latestUntil;
        _latestParty[level] = latestParty;
        _otherUntil[level] = otherUntil;
    }

    /// <summary>The day number of an open or closed end.</summary>
    public static int EndDay(DateOnly? until) => until is { } day ? day.DayNumber : OpenEnd;
}
