namespace VideoEngager.Genesys.Emulator.Routing;

/// <summary>Case-insensitive name matching where <c>*</c> stands for any run of characters.</summary>
internal static class NamePattern
{
    public static bool Matches(string pattern, string name)
    {
        var parts = pattern.Trim().Split('*');
        if (parts.Length == 1)
        {
            return string.Equals(pattern.Trim(), name, StringComparison.OrdinalIgnoreCase);
        }
        if (!name.StartsWith(parts[0], StringComparison.OrdinalIgnoreCase)
            || !name.EndsWith(parts[^1], StringComparison.OrdinalIgnoreCase)
            || name.Length < parts[0].Length + parts[^1].Length)
        {
            return false;
        }
        var position = parts[0].Length;
        var end = name.Length - parts[^1].Length;
        foreach (var middle in parts[1..^1])
        {
            var found = name.IndexOf(middle, position, end - position, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }
            position = found + middle.Length;
        }
        return true;
    }
}
