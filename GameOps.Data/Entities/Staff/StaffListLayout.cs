namespace GameOps.Data.Entities;

/// <summary>How one staff member likes one list: the columns they hid and whether rows are compact.</summary>
public class StaffListLayout
{
    public Guid StaffUserId { get; set; }
    /// <summary>The list's resource slug, e.g. "items".</summary>
    public string ListKey { get; set; } = "";
    /// <summary>Hidden field names, comma-separated; names the list no longer has are ignored when read.</summary>
    public string HiddenColumns { get; set; } = "";
    public bool Compact { get; set; }
    public DateTime UpdatedAt { get; set; }
}
