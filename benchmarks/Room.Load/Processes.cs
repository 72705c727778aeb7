using System.Globalization;
using System.Text;

namespace VideoEngager.Benchmarks;

/// <summary>
/// Linux /proc readings. The machine may run another AppHost at the same time (someone's tests), so processes are
/// told apart by what this run gave them (an Escalation.Api replica's own <c>ASPNETCORE_URLS</c>) or by descent
/// from this process or the orchestrator it started, never by name alone.
/// </summary>
internal static class Processes
{
    /// <summary>
    /// Resident memory of the Escalation.Api replicas, in bytes, with the number of processes found. DCP starts each
    /// as <c>dotnet run --no-build</c>, whose child is the service itself with the same environment: only the child
    /// is counted (the launcher's memory does not change with connections).
    /// </summary>
    public static (long Bytes, int Processes) ReplicaRss(IReadOnlyList<EdgeReplica> replicas)
    {
        var bytes = 0L;
        var found = 0;
        foreach (var pid in AllPids())
        {
            var environment = ReadNulSeparated($"/proc/{pid}/environ");
            if (!replicas.Any(r => environment.Contains("ASPNETCORE_URLS=" + r.Urls)))
            {
                continue;
            }
            var command = ReadNulSeparated($"/proc/{pid}/cmdline");
            if (command.Length > 1 && command[1] == "run")
            {
                continue;
            }
            if (RssBytes(pid) is { } rss)
            {
                bytes += rss;
                found++;
            }
        }
        return (bytes, found);
    }

    /// <summary>
    /// Every process this one started, directly or not: its descendants, and those of the orchestrator (DCP), which
    /// detaches from its parent (its API server runs under init) and names this process as the one it watches
    /// (<c>--monitor PID</c>).
    /// </summary>
    public static HashSet<int> StartedBy(int self)
    {
        var roots = new List<int> { self };
        foreach (var pid in AllPids())
        {
            var command = ReadNulSeparated($"/proc/{pid}/cmdline");
            var monitor = Array.IndexOf(command, "--monitor");
            if (monitor >= 0 && monitor + 1 < command.Length && command[monitor + 1] == self.ToString(CultureInfo.InvariantCulture))
            {
                roots.Add(pid);
            }
        }
        var all = new HashSet<int>(roots.Skip(1));
        foreach (var root in roots)
        {
            all.UnionWith(Descendants(root));
        }
        return all;
    }

    /// <summary>Every process below <paramref name="root"/> (children, their children, ...).</summary>
    private static HashSet<int> Descendants(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var pid in AllPids())
        {
            if (ParentOf(pid) is { } parent)
            {
                (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(pid);
            }
        }
        var found = new HashSet<int>();
        var next = new Queue<int>([root]);
        while (next.TryDequeue(out var pid))
        {
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                if (found.Add(child))
                {
                    next.Enqueue(child);
                }
            }
        }
        return found;
    }

    /// <summary>Those of <paramref name="pids"/> still running (zombies excluded: they are gone but for their exit code).</summary>
    public static List<int> StillRunning(IEnumerable<int> pids) =>
        [.. pids.Where(pid => State(pid) is { } state && state != 'Z' && state != 'X')];

    public static string Describe(int pid)
    {
        var command = string.Join(' ', ReadNulSeparated($"/proc/{pid}/cmdline"));
        return $"{pid} {(command.Length > 120 ? command[..120] : command)}";
    }

    private static IEnumerable<int> AllPids()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                yield return pid;
            }
        }
    }

    private static string[] ReadNulSeparated(string path)
    {
        try
        {
            return Encoding.UTF8.GetString(File.ReadAllBytes(path)).Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return []; // gone meanwhile, or not ours to read
        }
    }

    private static long? RssBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // /proc/PID/stat: "pid (comm) state ppid ..."; comm may itself hold spaces and parentheses, so fields are read
    // after its last ')'.
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int? ParentOf(int pid) =>
        StatFields(pid) is { Length: > 1 } fields ? int.Parse(fields[1], CultureInfo.InvariantCulture) : null;

    private static char? State(int pid) => StatFields(pid) is { Length: > 0 } fields ? fields[0][0] : null;
}
