namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>A query built from objects: table, columns, criteria, links, orders and paging.</summary>
    public sealed class QueryExpression : QueryBase
    {
        private string _entityName;
        private ColumnSet _columnSet;
        private FilterExpression _criteria;
        private PagingInfo _pageInfo;
        private DataCollection<LinkEntity> _linkEntities;
        private DataCollection<OrderExpression> _orders;
        private bool _distinct;
        private bool _noLock;
        private int? _topCount;

        public QueryExpression()
            : this(null)
        {
        }

        /// <summary>A query of the table with an empty ColumnSet, an empty And filter and default paging.</summary>
        public QueryExpression(string entityName)
        {
            _entityName = entityName;
            _criteria = new FilterExpression();
            _pageInfo = new PagingInfo();
            _columnSet = new ColumnSet();
        }

        public bool Distinct
        {
            get { return _distinct; }
            set { _distinct = value; }
        }

        public bool NoLock
        {
            get { return _noLock; }
            set { _noLock = value; }
        }

        public PagingInfo PageInfo
        {
            get { return _pageInfo; }
            set { _pageInfo = value; }
        }

        /// <summary>The linked tables; created empty on first access.</summary>
        public DataCollection<LinkEntity> LinkEntities
        {
            get { return _linkEntities ?? (_linkEntities = new DataCollection<LinkEntity>()); }
        }

        public FilterExpression Criteria
        {
            get { return _criteria; }
            set { _criteria = value; }
        }

        /// <summary>The orders; created empty on first access.</summary>
        public DataCollection<OrderExpression> Orders
        {
            get { return _orders ?? (_orders = new DataCollection<OrderExpression>()); }
        }

        public string EntityName
        {
            get { return _entityName; }
            set { _entityName = value; }
        }

        public ColumnSet ColumnSet
        {
            get { return _columnSet; }
            set { _columnSet = value; }
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

        /// <summary>Adds and returns an inner-join link from this query's table.</summary>
        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
        {
            return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
        }

        /// <summary>Adds and returns a link from this query's table (EntityName) to linkToEntityName.</summary>
        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            var link = new LinkEntity(EntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            LinkEntities.Add(link);
            return link;
        }
    }
}
