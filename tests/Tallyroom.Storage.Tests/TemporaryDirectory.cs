namespace Tallyroom.Storage.Tests;

/// <summary>
/// A fresh directory for one test's files (the log, its -wal and -shm). The test deletes it from its
/// <see cref="IAsyncLifetime.DisposeAsync"/>, once the logs using it are closed.
/// </summary>
internal sealed class TemporaryDirectory
{
    public TemporaryDirectory()
    {
        FullPath = Path.Combine(Path.GetTempPath(), "tallyroom-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(FullPath);
    }

    public string FullPath { get; }

    public string File(string name) => Path.Combine(FullPath, name);

    public void Delete()
    {
        if (Directory.Exists(FullPath))
        {
            Directory.Delete(FullPath, recursive: true);
        }
    }
}
