using Tallyroom.Core.Blogs;

namespace Tallyroom.Core.Events;

/// <summary>
/// A fact about a live blog: opened, closed, a post published, edited or deleted, and so on. Blogs live in the same log
/// as the results, so "as at revision N" and the change feed cover them too. Times are part of the fact: the moment an
/// editor published is what readers are shown.
/// </summary>
/// <param name="BlogId">The blog, by its slug.</param>
public abstract record BlogEvent(string BlogId) : ElectionEvent;

/// <summary>A blog was opened, with its title and which automatic posts it writes.</summary>
public sealed record BlogOpened(string BlogId, string Title, BlogSettings Settings, DateTimeOffset At) : BlogEvent(BlogId);

/// <summary>A blog was closed: it becomes a permanent archive that takes no more posts.</summary>
public sealed record BlogClosed(string BlogId, DateTimeOffset At) : BlogEvent(BlogId);

/// <summary>A blog's automatic posts were switched on or off, or the State of parties interval changed.</summary>
public sealed record BlogSettingsChanged(string BlogId, BlogSettings Settings) : BlogEvent(BlogId);

/// <summary>The summary box at the top of a blog was set; an empty summary removes it.</summary>
public sealed record BlogSummarySet(string BlogId, string Markdown, string Html) : BlogEvent(BlogId);

/// <summary>A post was published.</summary>
public sealed record PostPublished(string BlogId, PostContent Post, DateTimeOffset At) : BlogEvent(BlogId);

/// <summary>A post's content was replaced; the previous version stays in its history.</summary>
public sealed record PostEdited(string BlogId, PostContent Post, DateTimeOffset At) : BlogEvent(BlogId);

/// <summary>A post was deleted: hidden from readers, kept in the history.</summary>
public sealed record PostDeleted(string BlogId, string PostId, DateTimeOffset At) : BlogEvent(BlogId);

/// <summary>A post was pinned above the others; it replaces any post pinned before.</summary>
public sealed record PostPinned(string BlogId, string PostId) : BlogEvent(BlogId);

/// <summary>The pinned post was unpinned.</summary>
public sealed record PostUnpinned(string BlogId, string PostId) : BlogEvent(BlogId);

/// <summary>A post was marked, or unmarked, as a key event of the night.</summary>
public sealed record PostKeyEventSet(string BlogId, string PostId, bool KeyEvent) : BlogEvent(BlogId);
