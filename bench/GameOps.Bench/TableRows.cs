using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GameOps.Bench;

/// <summary>A cheap per-row random sequence (SplitMix64), seeded from the table and the row number.</summary>
internal struct RowRandom(ulong seed)
{
    ulong state = seed;

    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ z >> 30) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ z >> 27) * 0x94D049BB133111EBUL;
        return z ^ z >> 31;
    }

    /// <summary>Uniform in [0, n) (the high half of a 64×64-bit product).</summary>
    public long Below(long n) => (long)Math.BigMul(Next(), (ulong)n, out _);
}

internal enum CellKind : byte { Null, Template, Shifted, DerivedKey, Suffixed }

/// <summary>
/// Where one value of a generated row comes from: a template cell (as is, or shifted back in time), a derived key, or a
/// suffixed unique text. The loaders render it as a CLR value (SQLite) or as PostgreSQL binary (COPY).
/// </summary>
internal readonly record struct Cell(CellKind Kind, TableRows Table, int Column, int Source, long Row, long ShiftMinutes);

/// <summary>
/// The compiled recipe of one table: its template in column order and, per column, how row i derives its value. Built once
/// per table and shared by every loader thread; <see cref="RowCursor"/> holds the per-row state.
/// </summary>
internal sealed class TableRows
{
    internal enum ParentLink { None, Missing, Verbatim, Scaled }

    internal sealed record ColumnRule(Generator.ColumnRole Role, int? MaxLength, bool IsNullable, ParentLink Link, ForeignKeyRule? ForeignKey, int PrincipalColumn);

    /// <summary>A foreign key to a scaled table: per template row, which template row of the parent it points at.</summary>
    internal sealed class ForeignKeyRule(int index, TableRows parent, bool followsCopy, int[] parentIndex)
    {
        public int Index { get; } = index;
        public TableRows Parent { get; } = parent;
        public bool FollowsCopy { get; } = followsCopy;
        /// <summary>Per child template row: the parent's template row, or -1 when the reference is null.</summary>
        public int[] ParentIndex { get; } = parentIndex;
    }

    ColumnRule[] rules = [];
    ForeignKeyRule[] foreignKeys = [];
    /// <summary>Per template row of this table: how many copies of it exist (rows i with i % T == that row).</summary>
    readonly long[] copiesOf;

    TableRows(Generator.TablePlan plan, object?[][] values)
    {
        Plan = plan;
        Values = values;
        Salt = Generator.StableHash(plan.Table);
        copiesOf = new long[plan.TemplateRows];
        for (var r = 0; r < copiesOf.Length; r++)
            copiesOf[r] = plan.Rows / plan.TemplateRows + (plan.Rows % plan.TemplateRows > r ? 1 : 0);
    }

    public Generator.TablePlan Plan { get; }
    public string Table => Plan.Table;
    public long Rows => Plan.Rows;
    public int TemplateRows => Plan.TemplateRows;
    public int Salt { get; }
    public int ColumnCount => Plan.Columns.Count;
    public int ForeignKeyCount => foreignKeys.Length;
    public ForeignKeyRule[] ForeignKeys => foreignKeys;
    public Generator.ColumnRole Role(int column) => rules[column].Role;
    public int? MaxLength(int column) => rules[column].MaxLength;

    /// <summary>The template as CLR values, [template row][column] in the plan's column order.</summary>
    public object?[][] Values { get; }

    /// <summary>The template as PostgreSQL binary values, same layout (null = SQL NULL); set by the PostgreSQL loader.</summary>
    public byte[]?[][]? Encoded { get; set; }

    public static Dictionary<string, TableRows> Compile(IReadOnlyList<Generator.TablePlan> plans, Generator.Template template)
    {
        var tables = plans.ToDictionary(p => p.Table, p => new TableRows(p,
            template.Rows(p.Table).Select(row => p.Columns.Select(c => row[c.TemplateIndex]).ToArray()).ToArray()));
        foreach (var table in tables.Values) table.Link(tables);
        return tables;
    }

    void Link(Dictionary<string, TableRows> tables)
    {
        var columns = Plan.Columns;
        var byForeignKey = new Dictionary<IForeignKey, ForeignKeyRule>();
        rules = new ColumnRule[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            var maxLength = column.Property.GetMaxLength();
            if (column.Role != Generator.ColumnRole.ForeignKey)
            {
                rules[c] = new ColumnRule(column.Role, maxLength, column.Property.IsNullable, ParentLink.None, null, -1);
                continue;
            }
            var fk = column.ForeignKey!;
            if (!tables.TryGetValue(fk.PrincipalEntityType.GetTableName()!, out var parent))
                rules[c] = new ColumnRule(column.Role, maxLength, column.Property.IsNullable, ParentLink.Missing, null, -1);
            else if (parent.Plan.IsVerbatim)
                rules[c] = new ColumnRule(column.Role, maxLength, column.Property.IsNullable, ParentLink.Verbatim, null, -1);
            else
            {
                if (!byForeignKey.TryGetValue(fk, out var rule))
                    byForeignKey[fk] = rule = CompileForeignKey(fk, byForeignKey.Count, parent);
                var principal = fk.PrincipalKey.Properties[fk.Properties.ToList().IndexOf(column.Property)];
                rules[c] = new ColumnRule(column.Role, maxLength, column.Property.IsNullable, ParentLink.Scaled, rule, parent.ColumnOf(principal.Name));
            }
        }
        foreignKeys = byForeignKey.Values.OrderBy(f => f.Index).ToArray();
    }

    int ColumnOf(string propertyName) => Plan.Columns.FindIndex(c => c.Property.Name == propertyName);

    /// <summary>All columns of one foreign key move together: one parent row per reference, looked up once per template row.</summary>
    ForeignKeyRule CompileForeignKey(IForeignKey fk, int index, TableRows parent)
    {
        var childColumns = fk.Properties.Select(p => ColumnOf(p.Name)).ToArray();
        var parentColumns = fk.PrincipalKey.Properties.Select(p => parent.ColumnOf(p.Name)).ToArray();
        var lookup = new Dictionary<string, int>();
        for (var r = 0; r < parent.Values.Length; r++)
            if (KeyOf(parent.Values[r], parentColumns) is { } key) lookup.TryAdd(key, r);
        var parentIndex = new int[Values.Length];
        for (var r = 0; r < Values.Length; r++)
            parentIndex[r] = KeyOf(Values[r], childColumns) is not { } key ? -1
                : lookup.TryGetValue(key, out var p) ? p
                : throw new InvalidOperationException($"template {parent.Table}: no row with key {key} (from {Table})");
        var follows = fk.Properties.Any(p => Plan.Columns[ColumnOf(p.Name)].FollowsCopy);
        return new ForeignKeyRule(index, parent, follows, parentIndex);
    }

    static string? KeyOf(object?[] row, int[] columns)
    {
        if (columns.Length == 1) return row[columns[0]] is { } v ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : null;
        var parts = new string[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            if (row[columns[i]] is not { } v) return null;
            parts[i] = Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!;
        }
        return string.Join('\u001f', parts);
    }

    /// <summary>Where the value of <paramref name="column"/> in the cursor's row comes from.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Cell Resolve(int column, RowCursor at)
    {
        var rule = rules[column];
        var source = at.Source;
        switch (rule.Role)
        {
            case Generator.ColumnRole.Key:
                return at.Copy == 0 ? TemplateCell(column, source) : new Cell(CellKind.DerivedKey, this, column, source, at.Row, 0);
            case Generator.ColumnRole.UniqueText:
                return at.Copy == 0 || Values[source][column] is null ? TemplateCell(column, source) : new Cell(CellKind.Suffixed, this, column, source, at.Row, 0);
            case Generator.ColumnRole.Time:
                return at.ShiftMinutes == 0 || Values[source][column] is null ? TemplateCell(column, source) : new Cell(CellKind.Shifted, this, column, source, at.Row, at.ShiftMinutes);
            case Generator.ColumnRole.ForeignKey:
                if (Values[source][column] is null) return new Cell(CellKind.Null, this, column, source, at.Row, 0);
                return rule.Link switch
                {
                    ParentLink.Missing when rule.IsNullable => new Cell(CellKind.Null, this, column, source, at.Row, 0),
                    ParentLink.Scaled => rule.ForeignKey!.Parent.KeyCell(rule.PrincipalColumn, at.ParentRows[rule.ForeignKey.Index]),
                    _ => TemplateCell(column, source),
                };
            default:
                return TemplateCell(column, source);
        }
    }

    /// <summary>The value one of this table's rows has in a key column (computed, never stored).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    Cell KeyCell(int column, long row)
    {
        var copy = row / TemplateRows;
        var source = (int)(row - copy * TemplateRows);
        if (copy == 0) return TemplateCell(column, source);
        return rules[column].Role switch
        {
            Generator.ColumnRole.Key => new Cell(CellKind.DerivedKey, this, column, source, row, 0),
            Generator.ColumnRole.UniqueText when Values[source][column] is not null => new Cell(CellKind.Suffixed, this, column, source, row, 0),
            _ => TemplateCell(column, source),
        };
    }

    Cell TemplateCell(int column, int source) => new(CellKind.Template, this, column, source, 0, 0);

    /// <summary>The cell as the model's CLR value (before the property's value converter).</summary>
    public static object? ValueOf(in Cell cell) => cell.Kind switch
    {
        CellKind.Null => null,
        CellKind.Template => cell.Table.Values[cell.Source][cell.Column],
        CellKind.Shifted => (DateTime)cell.Table.Values[cell.Source][cell.Column]! - TimeSpan.FromMinutes(cell.ShiftMinutes),
        CellKind.DerivedKey => Generator.DerivedKey(cell.Table.Salt, cell.Row),
        _ => Generator.Suffix((string)cell.Table.Values[cell.Source][cell.Column]!, cell.Row / cell.Table.TemplateRows, cell.Table.MaxLength(cell.Column)),
    };

    public long CopiesOf(int templateRow) => copiesOf[templateRow];
}

/// <summary>One loader's position in a table: row number, copy, template row, time shift and the parent rows it references.</summary>
internal sealed class RowCursor(TableRows table)
{
    const long TwoWeeksInMinutes = 14 * 24 * 60;

    public long Row { get; private set; }
    public long Copy { get; private set; }
    public int Source { get; private set; }
    public long ShiftMinutes { get; private set; }
    public long[] ParentRows { get; } = new long[table.ForeignKeyCount];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void MoveTo(long row)
    {
        var t = table.TemplateRows;
        Row = row;
        Copy = row / t;
        Source = (int)(row - Copy * t);
        var random = new RowRandom((ulong)row ^ (ulong)(uint)table.Salt << 40);
        ShiftMinutes = Copy == 0 ? 0 : random.Below(TwoWeeksInMinutes);
        var foreignKeys = table.ForeignKeys;
        for (var f = 0; f < foreignKeys.Length; f++)
        {
            var fk = foreignKeys[f];
            var parentRow = fk.ParentIndex[Source];
            if (parentRow < 0) continue;
            var parent = fk.Parent;
            var copy = fk.FollowsCopy ? Copy : random.Below(parent.CopiesOf(parentRow));
            ParentRows[f] = copy * parent.TemplateRows + parentRow;
        }
    }

    public Cell this[int column] => table.Resolve(column, this);
}
