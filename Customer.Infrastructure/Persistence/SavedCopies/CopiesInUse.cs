namespace CustomerService.Infrastructure.Persistence.SavedCopies;

/// <summary>
/// Which customers one unit of work started from a saved copy, and which of them a save has since
/// written. A write carries the copy's version in its WHERE clause, so the database confirms the copy
/// or refuses the write; a copy that was never written (a no-op, a not-found address, a refused
/// version, a broken rule) was never confirmed, and the unit is run again from the database.
/// </summary>
internal sealed class CopiesInUse
{
    private readonly HashSet<string> _unconfirmed = new(StringComparer.Ordinal);
    private readonly List<string> _writing = [];

    /// <summary>False while a unit is re-run from the database.</summary>
    public bool Allowed { get; private set; } = true;

    public bool AnyUnconfirmed => _unconfirmed.Count > 0;

    /// <summary>A unit starts: copies may be used, none is in use yet.</summary>
    public void StartUnit()
    {
        Allowed = true;
        _unconfirmed.Clear();
        _writing.Clear();
    }

    /// <summary>The unit is run again without copies.</summary>
    public void RefuseCopies()
    {
        Allowed = false;
        _unconfirmed.Clear();
        _writing.Clear();
    }

    public void Served(string id) => _unconfirmed.Add(id);

    /// <summary>These customers are about to be written with their version checked.</summary>
    public void Writing(IEnumerable<string> ids)
    {
        _writing.Clear();
        _writing.AddRange(ids);
    }

    /// <summary>The write succeeded: the database had the versions the copies had.</summary>
    public void Written()
    {
        _unconfirmed.ExceptWith(_writing);
        _writing.Clear();
    }
}
