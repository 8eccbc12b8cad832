CKSearch.words("so",{"so":["sôS","13","sơ","0","sơR","03"],
"song":["sông","3"]});
