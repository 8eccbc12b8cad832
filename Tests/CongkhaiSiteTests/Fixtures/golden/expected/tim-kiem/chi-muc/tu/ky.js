CKSearch.words("ky",{"ky":["kyS","03"]});
