using System.Runtime.CompilerServices;

namespace Tallyroom.Testing;

/// <summary>
/// The real data files, read where the project keeps them: <c>../shared/data/raw</c> beside the repository. Tests fail
/// (never skip) when a file is missing, so a run without the data cannot pass by accident.
/// </summary>
internal static class RawData
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The folder holding Tallyroom.slnx.</summary>
    public static string RepositoryRoot => Root.Value;

    public static string DemocracyClubResults => Path("democracyclub_2018", "democracyclub-results-2018-05-03.csv");

    public static string DemocracyClubWardCodes => Path("democracyclub_2018", "id_to_gss_local.2018-05-03.csv");

    public static string Leap2018 => Path("leap_teale", "leap-2018-05-03.csv");

    /// <summary>A file or folder under the raw data folder; throws if it is not there.</summary>
    public static string Path(params string[] parts)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine([Root.Value, "..", "shared", "data", "raw", .. parts]));
        return File.Exists(path) || Directory.Exists(path) ? path : throw new FileNotFoundException("Real data file missing: " + path, path);
    }

    // The test binaries may be built outside the repository (--artifacts-path), so also look above this source file.
    private static string FindRepositoryRoot()
    {
        string?[] starts = [AppContext.BaseDirectory, System.IO.Path.GetDirectoryName(ThisSourceFile())];
        foreach (var start in starts)
        {
            for (var folder = start is null ? null : new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(folder.FullName, "Tallyroom.slnx")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} or {ThisSourceFile()} holds Tallyroom.slnx.");
    }

    private static string ThisSourceFile([CallerFilePath] string path = "") => path;
}
