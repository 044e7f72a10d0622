namespace Procurement.Rules.Model;

/// <summary>Binary search over ascending runs of numbers, for the model's indexes.</summary>
internal static class SortedSearch
{
    /// <summary>How many leading values of the ascending <paramref name="values"/> are at most <paramref name="key"/>.</summary>
    public static int CountAtMost(ReadOnlySpan<int> values, int key)
    {
        int low = 0, high = values.Length;
        while (low < high)
        {
            var middle = low + ((high - low) >> 1);
            if (values[middle] <= key)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
