CKSearch.words("da",{"dam":["đamR","2"],
"dan":["dân","3","dânX","3"]});
