namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>A query that matches rows whose attributes equal the given values (all of them).</summary>
    public sealed class QueryByAttribute : QueryBase
    {
        private string _entityName;
        private ColumnSet _columnSet;
        private PagingInfo _pageInfo;
        private DataCollection<string> _attributes;
        private DataCollection<object> _values;
        private DataCollection<OrderExpression> _orders;
        private int? _topCount;

        /// <summary>An empty ColumnSet and default paging.</summary>
        public QueryByAttribute()
        {
            _columnSet = new ColumnSet();
            _pageInfo = new PagingInfo();
        }

        /// <summary>Only the table name: as in the genuine SDK, ColumnSet and PageInfo stay null.</summary>
        public QueryByAttribute(string entityName)
        {
            _entityName = entityName;
        }

        public string EntityName
        {
            get { return _entityName; }
            set { _entityName = value; }
        }

        /// <summary>The attribute names, parallel to Values; created empty on first access.</summary>
        public DataCollection<string> Attributes
        {
            get { return _attributes ?? (_attributes = new DataCollection<string>()); }
        }

        /// <summary>The values, parallel to Attributes; created empty on first access.</summary>
        public DataCollection<object> Values
        {
            get { return _values ?? (_values = new DataCollection<object>()); }
        }

        public PagingInfo PageInfo
        {
            get { return _pageInfo; }
            set { _pageInfo = value; }
        }

        public ColumnSet ColumnSet
        {
            get { return _columnSet; }
            set { _columnSet = value; }
        }

        /// <summary>The orders; created empty on first access.</summary>
        public DataCollection<OrderExpression> Orders
        {
            get { return _orders ?? (_orders = new DataCollection<OrderExpression>()); }
        }

        public int? TopCount
        {
            get { return _topCount; }
            set { _topCount = value; }
        }

        public void AddOrder(string attributeName, OrderType orderType)
        {
            Orders.Add(new OrderExpression(attributeName, orderType));
        }

        /// <summary>Appends the attribute to Attributes and the value to Values.</summary>
        public void AddAttributeValue(string attributeName, object value)
        {
            Attributes.Add(attributeName);
            Values.Add(value);
        }
    }
}
