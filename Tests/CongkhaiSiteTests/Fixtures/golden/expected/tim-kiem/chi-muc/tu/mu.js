CKSearch.words("mu",{"muc":["mucJ","0"]});
