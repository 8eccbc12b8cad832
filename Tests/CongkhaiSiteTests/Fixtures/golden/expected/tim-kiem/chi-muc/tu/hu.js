CKSearch.words("hu",{"huong":["hươngS","3"]});
