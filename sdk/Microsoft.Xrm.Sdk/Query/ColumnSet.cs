namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>The columns a query or Retrieve returns: all of them, or the named ones.</summary>
    public sealed class ColumnSet
    {
        private bool _allColumns;
        private DataCollection<string> _columns;

        public ColumnSet()
        {
        }

        public ColumnSet(bool allColumns)
        {
            _allColumns = allColumns;
        }

        /// <summary>The named columns (copied).</summary>
        public ColumnSet(params string[] columns)
        {
            _columns = new DataCollection<string>(columns);
        }

        public bool AllColumns
        {
            get { return _allColumns; }
            set { _allColumns = value; }
        }

        /// <summary>The column names; created empty on first access.</summary>
        public DataCollection<string> Columns
        {
            get { return _columns ?? (_columns = new DataCollection<string>()); }
        }

        public void AddColumns(params string[] columns)
        {
            foreach (var column in columns)
            {
                Columns.Add(column);
            }
        }

        public void AddColumn(string column)
        {
            Columns.Add(column);
        }
    }
}
