CKSearch.words("va",{"va":["vaF","03"],
"van":["văn","03"]});
