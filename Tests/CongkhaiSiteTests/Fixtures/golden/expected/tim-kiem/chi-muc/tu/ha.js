CKSearch.words("ha",{"han":["hanJ","0"],
"hanh":["hanhF","023"]});
