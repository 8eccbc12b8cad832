CKSearch.words("hi",{"hien":["hiênJ","0"],
"hieu":["hiêuJ","0"]});
