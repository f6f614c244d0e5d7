using System;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>The fields common to the faults of the Dataverse services.</summary>
    public abstract class BaseServiceFault
    {
        private string _message;
        private int _errorCode;
        private string _helpLink;
        private DateTime _timestamp;
        private Guid _activityId;
        private ErrorDetailCollection _errorDetails;

        protected BaseServiceFault()
        {
        }

        public string Message
        {
            get { return _message; }
            set { _message = value; }
        }

        public int ErrorCode
        {
            get { return _errorCode; }
            set { _errorCode = value; }
        }

        public string HelpLink
        {
            get { return _helpLink; }
            set { _helpLink = value; }
        }

        /// <summary>When the fault was raised, as set by whoever raises it (never read from a clock here).</summary>
        public DateTime Timestamp
        {
            get { return _timestamp; }
            set { _timestamp = value; }
        }

        public Guid ActivityId
        {
            get { return _activityId; }
            set { _activityId = value; }
        }

        /// <summary>Additional details (for example "CallStack"); created empty on first access.</summary>
        public ErrorDetailCollection ErrorDetails
        {
            get { return _errorDetails ?? (_errorDetails = new ErrorDetailCollection()); }
            set { _errorDetails = value; }
        }
    }
}
