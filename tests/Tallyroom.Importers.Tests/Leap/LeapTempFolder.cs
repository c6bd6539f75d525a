namespace Tallyroom.Importers.Tests.Leap;

/// <summary>A fresh temporary folder for small LEAP files written by a test; deleted afterwards.</summary>
internal sealed class LeapTempFolder : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tallyroom-leap-").FullName;

    /// <summary>Writes the lines (each ending in LF) to a file of that name and returns its path.</summary>
    public string Write(string fileName, params string[] lines)
    {
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));
        return path;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
