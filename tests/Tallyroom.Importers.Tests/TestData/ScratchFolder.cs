namespace Tallyroom.Importers.Tests.TestData;

/// <summary>A fresh temporary folder for the small files a test writes; deleted with everything in it on dispose.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder() => Directory.CreateDirectory(Root);

    /// <summary>The folder.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "tallyroom-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes a file into the folder, exactly as given (no line endings added), and returns its path.</summary>
    public string Write(string name, string contents)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, contents);
        return path;
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(Root, recursive: true);
}
