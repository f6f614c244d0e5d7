namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>A join from one table (LinkFromEntityName) to another (LinkToEntityName).</summary>
    public sealed class LinkEntity
    {
        private string _linkFromEntityName;
        private string _linkToEntityName;
        private string _linkFromAttributeName;
        private string _linkToAttributeName;
        private JoinOperator _joinOperator;
        private FilterExpression _linkCriteria;
        private DataCollection<LinkEntity> _linkEntities;
        private ColumnSet _columns;
        private string _entityAlias;
        private DataCollection<OrderExpression> _orders;

        public LinkEntity()
            : this(null, null, null, null, JoinOperator.Inner)
        {
        }

        /// <summary>With an empty ColumnSet and an empty And LinkCriteria.</summary>
        public LinkEntity(string linkFromEntityName, string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            _linkFromEntityName = linkFromEntityName;
            _linkToEntityName = linkToEntityName;
            _linkFromAttributeName = linkFromAttributeName;
            _linkToAttributeName = linkToAttributeName;
            _joinOperator = joinOperator;
            _columns = new ColumnSet();
            _linkCriteria = new FilterExpression();
        }

        public string LinkFromAttributeName
        {
            get { return _linkFromAttributeName; }
            set { _linkFromAttributeName = value; }
        }

        public string LinkFromEntityName
        {
            get { return _linkFromEntityName; }
            set { _linkFromEntityName = value; }
        }

        public string LinkToEntityName
        {
            get { return _linkToEntityName; }
            set { _linkToEntityName = value; }
        }

        public string LinkToAttributeName
        {
            get { return _linkToAttributeName; }
            set { _linkToAttributeName = value; }
        }

        public JoinOperator JoinOperator
        {
            get { return _joinOperator; }
            set { _joinOperator = value; }
        }

        public FilterExpression LinkCriteria
        {
            get { return _linkCriteria; }
            set { _linkCriteria = value; }
        }

        /// <summary>Nested links; created empty on first access.</summary>
        public DataCollection<LinkEntity> LinkEntities
        {
            get { return _linkEntities ?? (_linkEntities = new DataCollection<LinkEntity>()); }
        }

        /// <summary>The linked table's columns to return (as aliased values); created empty on first access.</summary>
        public ColumnSet Columns
        {
            get { return _columns ?? (_columns = new ColumnSet()); }
            set { _columns = value; }
        }

        public string EntityAlias
        {
            get { return _entityAlias; }
            set { _entityAlias = value; }
        }

        /// <summary>The orders on the linked table; created empty on first access.</summary>
        public DataCollection<OrderExpression> Orders
        {
            get { return _orders ?? (_orders = new DataCollection<OrderExpression>()); }
        }

        /// <summary>Adds and returns an inner-join link nested in this one.</summary>
        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
        {
            return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
        }

        /// <summary>
        /// Adds and returns a link nested in this one. As in the genuine SDK its LinkFromEntityName is this
        /// link's LinkFromEntityName.
        /// </summary>
        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            var link = new LinkEntity(_linkFromEntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            LinkEntities.Add(link);
            return link;
        }
    }
}
