namespace Tallyroom.Hosting;

/// <summary>The web host's settings (section <c>Tallyroom</c>), with their defaults.</summary>
internal sealed class TallyroomOptions
{
    public const string Section = "Tallyroom";

    /// <summary>The SQLite event log file.</summary>
    public string Database { get; set; } = CommonOptions.DefaultDatabase;

    /// <summary>How often the node looks for events written by other processes (an import, a replay, another node).</summary>
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long browsers and caches may keep a view of the current state, in seconds.</summary>
    public int CurrentMaxAgeSeconds { get; set; } = 2;

    /// <summary>Changes a page of the change feed holds at most.</summary>
    public int ChangesPageSize { get; set; } = 500;

    /// <summary>Changes a push subscriber may fall behind by before it is disconnected to resume from the feed.</summary>
    public int SubscriberBuffer { get; set; } = 1024;
}
