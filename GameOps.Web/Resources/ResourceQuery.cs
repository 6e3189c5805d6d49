namespace GameOps.Web.Resources;

/// <summary>A list request: what the grid asks for, in the resource's terms.</summary>
public sealed class ResourceQuery
{
    public string? Search { get; set; }
    /// <summary>The user's filters: only the declared ones are accepted (<see cref="ResourceQueryRules"/>).</summary>
    public Dictionary<string, FilterValue> Filters { get; } = [];
    /// <summary>Filters set by code, never from a URL: the rows an embedded list is about (this player's sessions). Not checked against the declaration.</summary>
    public Dictionary<string, FilterValue> Scope { get; } = [];
    public string? SortField { get; set; }
    public bool SortDescending { get; set; }
    /// <summary>
    /// A column that stores keys and shows their labels (an event's type): its keys in the order of their labels, so that sorting by
    /// it follows what the list shows (unknown keys last). Set by code (the page that knows the labels), never from a URL.
    /// </summary>
    public Dictionary<string, IReadOnlyList<string>> ValueOrder { get; } = [];
    public int Page { get; set; }
    public int PageSize { get; set; } = 25;

    public bool HasCriteria => !string.IsNullOrWhiteSpace(Search) || HasFilters;

    /// <summary>A user's filter or the code's scope narrows the rows (the search aside).</summary>
    public bool HasFilters => Filters.Values.Any(f => f.IsSet) || Scope.Values.Any(f => f.IsSet);

    /// <summary>Identifies the row set (not the page): the key of the cached count.</summary>
    public string CriteriaKey => $"{Search?.Trim()}|{string.Join(";", Filters.Where(f => f.Value.IsSet).OrderBy(f => f.Key).Select(f => f.Key + "=" + f.Value))}"
        + $"|{string.Join(";", Scope.Where(f => f.Value.IsSet).OrderBy(f => f.Key).Select(f => f.Key + "=" + f.Value))}";
}

/// <summary>A filter on one field: an exact value, or a range for numbers and times.</summary>
public sealed class FilterValue
{
    public string? Value { get; set; }
    public bool? Bool { get; set; }
    public double? Min { get; set; }
    public double? Max { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }

    public bool IsSet => !string.IsNullOrEmpty(Value) || Bool is not null || Min is not null || Max is not null || From is not null || To is not null;

    public void Clear() => (Value, Bool, Min, Max, From, To) = (null, null, null, null, null, null);
    public override string ToString() => $"{Value}/{Bool}/{Min}/{Max}/{From:O}/{To:O}";
}

/// <summary>What a list shows for a stored key (<c>guild_war</c> → "Guild war"); the key itself shows on hover.</summary>
public sealed record ValueLabel(string Value, string Label);

/// <summary>One list row. Rows are the same row when their ids are equal (a grid's selection survives a reload without counting a row twice).</summary>
public sealed record ResourceRow(object Id, object?[] Values)
{
    public bool Equals(ResourceRow? other) => other is not null && Equals(Id, other.Id);
    public override int GetHashCode() => Id.GetHashCode();
}

public sealed record ResourcePageResult(IReadOnlyList<ResourceRow> Rows, long Total, bool TotalIsEstimate, bool TotalIsCapped);

/// <param name="MatchedIn">When a search found the row through another field than its label: that field and its (masked) value, e.g. "character name: Eliion".</param>
public sealed record PickerOption(object Value, string Label, string? MatchedIn = null)
{
    public override string ToString() => Label;
}

public sealed record ReferenceCount(string Table, string Column, long Count, string? Route);
